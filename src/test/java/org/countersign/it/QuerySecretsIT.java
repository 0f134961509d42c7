package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * With the embedded default of {@code countersign.query.secrets.refuse}, {@code /auth} and {@code
 * /token/init} refuse a password, PIN or key in the query string (where access logs keep it) and do
 * nothing else; {@code /validate/check} still takes them there, as privacyIDEA clients may check by
 * GET.
 */
class QuerySecretsIT extends OnDefaultServer {

  @Test
  void passwordInQueryStringOfAuthIsRefusedAndGivesNoJwt() {
    Api.Reply r = api.post("auth?username=admin&password=" + Api.ADMIN_PASSWORD, form());
    assertEquals(400, r.status(), r.body());
    assertEquals(905, r.errorCode());
    assertTrue(
        r.errorMessage().contains("'password'") && r.errorMessage().contains("query string"),
        r.errorMessage());
    assertFalse(r.body().contains("\"token\""), r.body());
  }

  @Test
  void passwordInBodyOfAuthStillSignsIn() {
    Api.Reply r = api.post("auth?username=admin", form("password", Api.ADMIN_PASSWORD));
    assertEquals(200, r.status(), r.body());
  }

  @Test
  void otpKeyInQueryStringOfTokenInitIsRefusedAndEnrolsNothing() {
    String serial = "QSEC" + Long.toHexString(System.nanoTime()).toUpperCase(Locale.ROOT);
    Api.Reply r =
        api.post(
            "token/init?otpkey=" + TokenInitIT.RFC_KEY,
            form("type", "hotp", "serial", serial),
            admin);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.errorMessage().contains("'otpkey'"), r.errorMessage());
    assertNull(api.token(admin, serial));
  }

  @Test
  void pinInQueryStringOfTokenInitIsRefused() {
    Api.Reply r = api.post("token/init/?pin=1234", form("type", "hotp", "genkey", "1"), admin);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.errorMessage().contains("'pin'"), r.errorMessage());
  }

  @Test
  void secretsInQueryStringOfValidateCheckAreStillAccepted() {
    Api.Reply r =
        api.get("validate/check", form("user", "nobody-" + System.nanoTime(), "pass", "123456"));
    assertEquals(200, r.status(), r.body());
    assertEquals("REJECT", r.authentication());
  }
}
