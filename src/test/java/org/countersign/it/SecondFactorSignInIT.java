package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /auth} for a user who owns a token: the password alone gives no session, only a
 * challenge that one of the user's tokens must answer; a session of the password alone (for a first
 * enrolment) ends when a token exists.
 */
class SecondFactorSignInIT extends OnDefaultServer {

  private static final String PASSWORD = "user-Passw0rd";

  /** RFC 4226 Appendix D, counters 0 to 3, for the test key of {@link TokenInitIT#RFC_KEY}. */
  private static final String[] HOTP = {"755224", "287082", "359152", "969429"};

  private String userWithHotp() {
    String user = api.newUser(admin, "mfa", PASSWORD);
    api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    return user;
  }

  private Api.Reply password(String user) {
    return api.post("auth", form("username", user, "password", PASSWORD));
  }

  private Api.Reply answer(String user, String transactionId, String code) {
    return api.post(
        "auth", form("username", user, "transaction_id", transactionId, "password", code));
  }

  @Test
  void passwordOfUserWithTokenGivesChallengeAndNoJwt() {
    String user = userWithHotp();
    Api.Reply r = password(user);
    assertEquals(200, r.status(), r.body());
    assertEquals("CHALLENGE", r.authentication());
    assertFalse(r.value(), r.body());
    assertFalse(r.body().contains("\"token\""), "no JWT before the second factor: " + r.body());
    JsonObject first = r.detail().getJsonArray("multi_challenge").getJsonObject(0);
    assertEquals("hotp", first.getString("type"));
    assertEquals("interactive", first.getString("client_mode"));
    assertEquals(20, r.detail().getString("transaction_id").length());
  }

  @Test
  void codeOfTheTokenCompletesTheSignInOnceWithAuthtypeMfa() {
    String user = userWithHotp();
    String tx = password(user).detail().getString("transaction_id");
    Api.Reply granted = answer(user, tx, HOTP[0]);
    assertEquals(200, granted.status(), granted.body());
    JsonObject value = granted.result().getJsonObject("value");
    assertEquals("mfa", value.getString("authtype"));
    assertEquals("mfa", claims(value.getString("token")).getString("authtype"));
    assertEquals(200, api.get("token/", Map.of(), value.getString("token")).status());

    Api.Reply again = answer(user, tx, HOTP[0]);
    assertEquals(401, again.status(), "a transaction completes once: " + again.body());
    assertEquals(4031, again.errorCode());
  }

  @Test
  void wrongCodeIs401AndCountsAsAFailureOfTheToken() {
    String user = userWithHotp();
    String tx = password(user).detail().getString("transaction_id");
    Api.Reply r = answer(user, tx, "000000");
    assertEquals(401, r.status(), r.body());
    assertEquals(4031, r.errorCode());
    String serial =
        api.get("token/", form("user", user), admin)
            .result()
            .getJsonObject("value")
            .getJsonArray("tokens")
            .getJsonObject(0)
            .getString("serial");
    assertEquals(1, api.token(admin, serial).getInt("failcount"));
    assertEquals(
        200, answer(user, tx, HOTP[0]).status(), "the challenge stays open after a wrong code");
  }

  @Test
  void codeUsedAtValidateCheckCannotCompleteASignIn() {
    String user = userWithHotp();
    String tx = password(user).detail().getString("transaction_id");
    assertTrue(api.check("user", user, "pass", HOTP[0]).value());
    Api.Reply r = answer(user, tx, HOTP[0]);
    assertEquals(401, r.status(), "a code already used is rejected: " + r.body());
  }

  @Test
  void transactionOfAnotherUserCompletesNothing() {
    String alice = userWithHotp();
    String mallory = userWithHotp();
    String tx = password(alice).detail().getString("transaction_id");
    Api.Reply r = answer(mallory, tx, HOTP[0]);
    assertEquals(401, r.status(), r.body());
    assertEquals(
        200, answer(alice, tx, HOTP[0]).status(), "alice's challenge is still hers to answer");
  }

  @Test
  void wrongPasswordOfUserWithTokenIs401WithoutChallenge() {
    String user = userWithHotp();
    Api.Reply r = api.post("auth", form("username", user, "password", "not-" + PASSWORD));
    assertEquals(401, r.status(), r.body());
    assertEquals(4031, r.errorCode());
  }

  @Test
  void transactionOfAValidateCheckChallengeCannotCompleteASignIn() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, "4711");
    Api.Reply challenge = f.challenge();
    String tx = TiqrFixture.transactionId(challenge);
    assertEquals("OK", f.app().login(TiqrFixture.scanned(challenge)).body());
    Api.Reply r = answer(f.user(), tx, "");
    assertEquals(401, r.status(), "a PIN-opened challenge is no sign-in: " + r.body());
    assertTrue(f.finalise(tx).value(), "it still completes the backend's check");
  }

  @Test
  void tiqrAppAnswerCompletesTheSignIn() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, "4711");
    Api.Reply challenge = password(f.user());
    assertEquals("CHALLENGE", challenge.authentication(), challenge.body());
    assertEquals(
        "tiqr",
        challenge.detail().getJsonArray("multi_challenge").getJsonObject(0).getString("type"));
    String tx = TiqrFixture.transactionId(challenge);
    assertEquals(401, answer(f.user(), tx, "").status(), "not before the app has answered");
    assertEquals("OK", f.app().login(TiqrFixture.scanned(challenge)).body());
    assertTrue(f.poll(tx).value());
    Api.Reply granted = answer(f.user(), tx, "");
    assertEquals(200, granted.status(), granted.body());
    assertEquals("mfa", granted.result().getJsonObject("value").getString("authtype"));
  }

  @Test
  void userWithoutTokenGetsAPasswordSessionThatEndsWhenATokenExists() {
    String user = api.newUser(admin, "first", PASSWORD);
    Api.Reply r = password(user);
    assertEquals(200, r.status(), r.body());
    String jwt = r.result().getJsonObject("value").getString("token");
    assertEquals("password", claims(jwt).getString("authtype"));
    Api.Reply init = api.init(jwt, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY);
    assertEquals(200, init.status(), "a first token may be enrolled: " + init.body());

    Api.Reply second = api.init(jwt, "type", "hotp", "genkey", "1");
    assertEquals(
        401, second.status(), "a password session cannot add a second token: " + second.body());
    assertEquals(4031, second.errorCode());
    String serial = init.detail().getString("serial");
    assertEquals(401, api.delete("token/" + serial, jwt).status(), "nor delete one");
    assertEquals(
        401, api.post("token/disable/" + serial, Map.of(), jwt).status(), "nor disable one");
    assertEquals(
        "CHALLENGE", password(user).authentication(), "the password alone now gives a challenge");
  }

  @Test
  void disabledTokenNeedsNoSecondFactor() {
    String user = api.newUser(admin, "offtoken", PASSWORD);
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    api.post("token/disable/" + serial, Map.of(), admin);
    Api.Reply r = password(user);
    assertEquals(200, r.status(), r.body());
    assertEquals("ACCEPT", r.authentication());
  }

  private static JsonObject claims(String jwt) {
    String json =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
      return reader.readObject();
    }
  }
}
