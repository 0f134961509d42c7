package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * With {@code countersign.public.url=https://mfa.example.test} (the "public" server), the page session cookie is
 * sent only over https.
 */
class PublicUrlIT extends ServerTest {

  @Deployment(testable = false)
  @TargetsContainer("public")
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void sessionCookieIsSecureAndSameSite() {
    Api.Reply page = api.get("ui/login.xhtml", Api.form());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("Secure"), cookie);
    assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), cookie);
  }
}
