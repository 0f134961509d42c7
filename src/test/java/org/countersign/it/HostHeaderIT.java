package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Without {@code countersign.public.url} (the default server) the Host header would choose the URLs
 * the server hands out, so only the localhost names of the embedded {@code
 * countersign.hosts.allowed} are answered: another name gets 400, in the envelope from the API and
 * as the error page from the pages.
 */
class HostHeaderIT extends OnDefaultServer {

  @Test
  void foreignHostIsRefusedByTheApiInTheEnvelope() {
    RawHttp.Reply r = RawHttp.get(port(), api.base().getPath(), "evil.example");
    assertEquals(400, r.status(), r.body());
    assertTrue(r.body().contains("\"status\":false") && r.body().contains("905"), r.body());
    assertFalse(String.join("\n", r.headers()).contains("evil.example"), r.headers().toString());
  }

  @Test
  void foreignHostGetsNoTiqrEnrolmentUrl() {
    String user = api.newUser(admin, "hosttiqr", "user-Passw0rd");
    RawHttp.Reply r =
        RawHttp.post(
            port(),
            api.base().getPath() + "token/init",
            "evil.example:443",
            admin,
            "type=tiqr&user=" + user);
    assertEquals(400, r.status(), r.body());
    assertFalse(r.body().contains("evil.example"), r.body());
    assertEquals(
        0,
        api.get("token/", Api.form("user", user), admin)
            .result()
            .getJsonObject("value")
            .getInt("count"));
  }

  @Test
  void foreignHostIsRefusedByThePages() {
    RawHttp.Reply r = RawHttp.get(port(), api.base().getPath() + "ui/tokens.xhtml", "evil.example");
    assertEquals(400, r.status(), r.body());
    assertFalse(String.join("\n", r.headers()).contains("evil.example"), r.headers().toString());
    assertFalse(r.body().toLowerCase(Locale.ROOT).contains("payara"), r.body());
  }

  @Test
  void localhostNamesAreServedWithTheirOwnUrls() {
    for (String host : List.of("localhost:" + port(), "127.0.0.1:" + port(), "[::1]:" + port())) {
      RawHttp.Reply r = RawHttp.get(port(), api.base().getPath(), host);
      assertEquals(303, r.status(), host + ": " + r.body());
      assertEquals(
          List.of("http://" + host + api.base().getPath() + "ui/tokens.xhtml"),
          r.header("Location"),
          host);
    }
    assertEquals(
        303, RawHttp.get(port(), api.base().getPath(), "LocalHost").status(), "names ignore case");
  }

  private int port() {
    return api.base().getPort();
  }
}
