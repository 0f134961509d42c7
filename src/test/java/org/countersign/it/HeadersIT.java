package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Headers of the default server (plain http, no public URL): API replies forbid content sniffing,
 * no reply names the server software, and the page session cookie stays on this site and out of
 * scripts.
 */
class HeadersIT extends OnDefaultServer {

  @Test
  void apiRepliesSayNosniffAndNameNoServerSoftware() {
    for (Api.Reply r :
        List.of(
            api.get("validate/check", form("user", "x", "pass", "1")),
            api.get("no/such/path", form()),
            api.post("auth", form()),
            api.get("", form()))) {
      assertEquals(
          List.of("nosniff"),
          r.headers().allValues("X-Content-Type-Options"),
          r.headers().toString());
      assertNoServerSoftware(r.headers().map().toString());
    }
  }

  @Test
  void pageSessionCookieIsSameSiteAndHttpOnlyButNotSecureOverPlainHttp() {
    Api.Reply page = api.get("ui/login.xhtml", form());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertFalse(cookie.contains("Secure"), "no public https URL, no Secure: " + cookie);
    assertNoServerSoftware(page.headers().map().toString());
  }

  private static void assertNoServerSoftware(String headers) {
    String text = headers.toLowerCase(Locale.ROOT);
    assertFalse(
        text.contains("payara") || text.contains("glassfish") || text.contains("grizzly"), headers);
  }
}
