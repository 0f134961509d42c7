package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * With {@code countersign.public.url=https://mfa.example.test} (the "public" server), every URL the
 * server hands out or redirects to starts with that URL, whatever Host header the request carries,
 * and the page session cookie is sent only over https.
 */
class PublicUrlIT extends ServerTest {

  private static final String PUBLIC = "https://mfa.example.test/";

  @Deployment(testable = false)
  @TargetsContainer("public")
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void rootRedirectsToThePublicUrl() {
    RawHttp.Reply r = RawHttp.get(api.base().getPort(), api.base().getPath(), "evil.example");
    assertEquals(303, r.status(), r.body());
    assertEquals(List.of(PUBLIC + "ui/tokens.xhtml"), r.header("Location"));
  }

  @Test
  void pageRedirectsGoToThePublicUrl() {
    RawHttp.Reply r =
        RawHttp.get(api.base().getPort(), api.base().getPath() + "ui/tokens.xhtml", "evil.example");
    assertEquals(302, r.status(), r.body());
    assertEquals(List.of(PUBLIC + "ui/login.xhtml"), r.header("Location"));
  }

  @Test
  void tiqrEnrolmentUrlNamesThePublicUrl() {
    String user = api.newUser(admin, "pubtiqr", "user-Passw0rd");
    RawHttp.Reply r =
        RawHttp.post(
            api.base().getPort(),
            api.base().getPath() + "token/init",
            "evil.example",
            admin,
            "type=tiqr&user=" + user);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("tiqrenroll://" + PUBLIC + "ttype/tiqr"), r.body());
    assertFalse(r.body().contains("evil.example"), r.body());
  }

  @Test
  void sessionCookieIsSecureAndSameSite() {
    Api.Reply page = api.get("ui/login.xhtml", Api.form());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("Secure"), cookie);
    assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), cookie);
  }
}
