package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /validate/check}: the accept and reject replies, replay, the windows, and the fail
 * counter.
 */
class ValidateCheckIT extends OnDefaultServer {

  private static final String RFC_KEY = TokenInitIT.RFC_KEY;
  private static final String PASSWORD = "user-Passw0rd";

  /**
   * A code that is none of the first codes of the RFC 4226 key (see {@link
   * #wrongCodeIsNotARealCode()}).
   */
  private static final String WRONG = "000000";

  final Codes rfc = Codes.rfc4226();

  @BeforeEach
  void wrongCodeIsNotARealCode() {
    for (int c = 0; c < 100; c++) {
      assertFalse(WRONG.equals(rfc.hotp(c)), "the wrong code is a real code");
    }
  }

  /** A new user with one HOTP token of the RFC key and this PIN; returns {user, serial}. */
  private String[] userWithHotp(String pin) {
    String user = api.newUser(admin, "check", PASSWORD);
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user, "pin", pin);
    return new String[] {user, serial};
  }

  @Test
  void acceptedCheckHasExactlyTheDocumentedReply() {
    String[] us = userWithHotp("1234");
    Api.Reply r = api.check("user", us[0], "pass", "1234" + rfc.hotp(0));
    assertEquals(200, r.status());
    JsonObject detail =
        Json.createObjectBuilder()
            .add("message", "matching 1 tokens")
            .add("serial", us[1])
            .add("type", "hotp")
            .add("otplen", 6)
            .build();
    assertEquals(detail, r.detail());
    JsonObject result =
        Json.createObjectBuilder()
            .add("status", true)
            .add("value", true)
            .add("authentication", "ACCEPT")
            .build();
    assertEquals(result, r.result());
    assertEquals(2, r.json().getInt("id"));
    assertEquals("2.0", r.json().getString("jsonrpc"));
  }

  @Test
  void rejectedCheckHasExactlyTheDocumentedReply() {
    String[] us = userWithHotp("1234");
    Api.Reply r = api.check("user", us[0], "pass", "1234" + WRONG);
    assertEquals(200, r.status());
    assertEquals(
        Json.createObjectBuilder().add("message", "wrong otp pin or otp value").build(),
        r.detail());
    assertEquals(
        Json.createObjectBuilder()
            .add("status", true)
            .add("value", false)
            .add("authentication", "REJECT")
            .build(),
        r.result());
    assertEquals(2, r.json().getInt("id"));
  }

  @Test
  void checkBySerialAndPassIsAccepted() {
    String[] us = userWithHotp("pin");
    Api.Reply r = api.check("serial", us[1], "pass", "pin" + rfc.hotp(0));
    assertTrue(r.value(), r.body());
    assertEquals(us[1], r.detail().getString("serial"));
  }

  @Test
  void checkWithQueryStringGetIsAccepted() {
    String[] us = userWithHotp("1234");
    Api.Reply r = api.get("validate/check", form("user", us[0], "pass", "1234" + rfc.hotp(0)));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.value(), r.body());
    assertEquals("ACCEPT", r.authentication());
  }

  @Test
  void checkWithJsonBodyIsAccepted() {
    String[] us = userWithHotp("1234");
    String json =
        Json.createObjectBuilder()
            .add("user", us[0])
            .add("pass", "1234" + rfc.hotp(0))
            .build()
            .toString();
    Api.Reply r = api.postJson("validate/check", json, null);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.value(), r.body());
  }

  @Test
  void replayedTotpCodeGetsTheSameReplyAsAWrongCodeAndIsAuditedAsReplay() {
    String user = api.newUser(admin, "replay", PASSWORD);
    Api.Reply init = api.init(admin, "type", "totp", "genkey", "1", "user", user);
    Codes codes = Codes.fromOtpauth(init.detail().getJsonObject("googleurl").getString("value"));
    codes.awayFromStepEdge();
    String code = codes.totpNow();
    assertTrue(api.check("user", user, "pass", code).value());
    Api.Reply replay = api.check("user", user, "pass", code);
    String wrongCode = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    Api.Reply wrong = api.check("user", user, "pass", wrongCode);
    assertFalse(replay.value());
    assertEquals(200, replay.status());
    assertEquals(wrong.withoutTimeAndId(), replay.withoutTimeAndId());
    List<Map<String, Object>> audit =
        Database.of("payara")
            .rows(
                "SELECT success, result, info FROM cs_audit WHERE action = 'validate_check' AND username = ? ORDER BY id",
                user);
    assertEquals(3, audit.size(), audit.toString());
    assertEquals(true, audit.get(0).get("success"));
    assertEquals(false, audit.get(1).get("success"));
    assertTrue(String.valueOf(audit.get(1).get("info")).contains("replay"), audit.toString());
    assertFalse(String.valueOf(audit.get(2).get("info")).contains("replay"), audit.toString());
  }

  @Test
  void replayedHotpCodeIsRejected() {
    String[] us = userWithHotp("");
    assertTrue(api.check("serial", us[1], "pass", rfc.hotp(0)).value());
    Api.Reply replay = api.check("serial", us[1], "pass", rfc.hotp(0));
    assertFalse(replay.value());
    assertEquals(
        api.check("serial", us[1], "pass", WRONG).withoutTimeAndId(), replay.withoutTimeAndId());
  }

  @Test
  void unknownUserWrongPinAndWrongOtpGetIdenticalReplies() {
    String[] us = userWithHotp("1234");
    Api.Reply unknown =
        api.check("user", "nobody" + System.nanoTime(), "pass", "1234" + rfc.hotp(0));
    Api.Reply wrongPin = api.check("user", us[0], "pass", "9999" + rfc.hotp(0));
    Api.Reply wrongOtp = api.check("user", us[0], "pass", "1234" + WRONG);
    Api.Reply unknownSerial =
        api.check("serial", "NOSUCH" + System.nanoTime(), "pass", "1234" + rfc.hotp(0));
    for (Api.Reply r : List.of(unknown, wrongPin, wrongOtp, unknownSerial)) {
      assertEquals(200, r.status());
      assertEquals(wrongOtp.withoutTimeAndId(), r.withoutTimeAndId());
    }
  }

  @Test
  void userWithoutTokensGetsTheSameRejectReply() {
    String user = api.newUser(admin, "empty", PASSWORD);
    String[] us = userWithHotp("1234");
    Api.Reply none = api.check("user", user, "pass", "1234" + rfc.hotp(0));
    assertEquals(
        api.check("user", us[0], "pass", "1234" + WRONG).withoutTimeAndId(),
        none.withoutTimeAndId());
  }

  @Test
  void auditTellsAUserWithoutTokensFromAnUnknownOne() {
    String user = api.newUser(admin, "tokenless", PASSWORD);
    String unknown = "nobody" + System.nanoTime();
    api.check("user", user, "pass", "1234" + WRONG);
    api.check("user", unknown, "pass", "1234" + WRONG);
    String sql =
        "SELECT success, info FROM cs_audit WHERE action = 'validate_check' AND username = ?";
    List<Map<String, Object>> known = Database.of("payara").rows(sql, user);
    List<Map<String, Object>> nobody = Database.of("payara").rows(sql, unknown);
    assertEquals(1, known.size(), known.toString());
    assertEquals(1, nobody.size(), nobody.toString());
    assertEquals(false, known.get(0).get("success"));
    assertEquals("no tokens", known.get(0).get("info"));
    assertEquals(false, nobody.get(0).get("success"));
    assertEquals("unknown user, realm or serial", nobody.get(0).get("info"));
  }

  @Test
  void serialOfAnotherUserIsRejected() {
    String[] mine = userWithHotp("");
    String[] theirs = userWithHotp("");
    assertFalse(api.check("user", mine[0], "serial", theirs[1], "pass", rfc.hotp(0)).value());
    assertTrue(api.check("serial", theirs[1], "pass", rfc.hotp(0)).value());
  }

  @Test
  void totpCodeOfThePreviousStepIsAccepted() {
    assertTotpStep(-1, true);
  }

  @Test
  void totpCodeOfTheNextStepIsAccepted() {
    assertTotpStep(1, true);
  }

  @Test
  void totpCodeTwoStepsBackIsRejected() {
    assertTotpStep(-2, false);
  }

  @Test
  void totpCodeTwoStepsAheadIsRejected() {
    assertTotpStep(2, false);
  }

  private void assertTotpStep(int steps, boolean accepted) {
    Api.Reply init = api.init(admin, "type", "totp", "genkey", "1");
    Codes codes = Codes.fromOtpauth(init.detail().getJsonObject("googleurl").getString("value"));
    codes.awayFromStepEdge();
    Api.Reply r =
        api.check("serial", init.detail().getString("serial"), "pass", codes.totpStep(steps));
    assertEquals(accepted, r.value(), r.body());
  }

  @Test
  void hotpCounterTenAheadOfTheLastAcceptedIsAccepted() {
    String[] us = userWithHotp("");
    assertTrue(api.check("serial", us[1], "pass", rfc.hotp(0)).value());
    assertTrue(api.check("serial", us[1], "pass", rfc.hotp(10)).value());
  }

  @Test
  void hotpCounterElevenAheadOfTheLastAcceptedIsRejected() {
    String[] us = userWithHotp("");
    assertTrue(api.check("serial", us[1], "pass", rfc.hotp(0)).value());
    assertFalse(api.check("serial", us[1], "pass", rfc.hotp(11)).value());
    assertEquals(1, failcount(us[1]));
  }

  @Test
  void eachWrongOtpAddsOneToTheFailCounter() {
    String[] us = userWithHotp("1234");
    for (int i = 1; i <= 3; i++) {
      api.check("user", us[0], "pass", "1234" + WRONG);
      assertEquals(i, failcount(us[1]));
    }
  }

  @Test
  void atMaxfailTheCorrectCodeGetsTheOrdinaryReject() {
    String[] us = userWithHotp("");
    for (int i = 0; i < 10; i++) {
      api.check("serial", us[1], "pass", WRONG);
    }
    JsonObject token = api.token(admin, us[1]);
    assertEquals(10, token.getInt("failcount"));
    assertTrue(token.getBoolean("locked"));
    Api.Reply r = api.check("serial", us[1], "pass", rfc.hotp(0));
    assertFalse(r.value());
    assertEquals("REJECT", r.authentication());
    assertEquals("wrong otp pin or otp value", r.detail().getString("message"));
    api.check("serial", us[1], "pass", WRONG);
    assertEquals(10, failcount(us[1]), "the fail counter stops at maxfail");
  }

  @Test
  void resetOfALockedTokenLetsTheCorrectCodeThrough() {
    String[] us = userWithHotp("");
    for (int i = 0; i < 10; i++) {
      api.check("serial", us[1], "pass", WRONG);
    }
    assertFalse(api.check("serial", us[1], "pass", rfc.hotp(0)).value());
    assertEquals(1, api.post("token/reset/" + us[1], Map.of(), admin).intValue());
    assertEquals(0, failcount(us[1]));
    assertTrue(api.check("serial", us[1], "pass", rfc.hotp(0)).value());
  }

  @Test
  void successResetsTheFailCounter() {
    String[] us = userWithHotp("");
    for (int i = 0; i < 3; i++) {
      api.check("serial", us[1], "pass", WRONG);
    }
    assertEquals(3, failcount(us[1]));
    assertTrue(api.check("serial", us[1], "pass", rfc.hotp(0)).value());
    assertEquals(0, failcount(us[1]));
  }

  @Test
  void wrongPinAddsOneToTheFailCounterOfEveryTokenOfTheUser() {
    String user = api.newUser(admin, "pins", PASSWORD);
    String a = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user, "pin", "1234");
    String b = api.enrol(admin, "type", "totp", "genkey", "1", "user", user, "pin", "1234");
    assertFalse(api.check("user", user, "pass", "4321" + rfc.hotp(0)).value());
    assertEquals(1, failcount(a));
    assertEquals(1, failcount(b));
  }

  @Test
  void userWithTwoTokensIsAcceptedWithTheCodeOfEitherAndTheMatchingSerialIsReported() {
    String user = api.newUser(admin, "two", PASSWORD);
    api.enrol(admin, "type", "totp", "genkey", "1", "user", user, "pin", "1234");
    String hotp = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user, "pin", "1234");
    Api.Reply r = api.check("user", user, "pass", "1234" + rfc.hotp(0));
    assertTrue(r.value(), r.body());
    assertEquals(hotp, r.detail().getString("serial"));
    assertEquals("hotp", r.detail().getString("type"));
  }

  @Test
  void missingPassIs400WithCode905() {
    Api.Reply r = api.check("user", "someone");
    assertEquals(400, r.status());
    assertEquals(905, r.errorCode());
    assertEquals("ERR905: Missing parameter: 'pass'", r.errorMessage());
  }

  @Test
  void missingUserAndSerialIs400WithCode905NamingUser() {
    Api.Reply r = api.check("pass", "123456");
    assertEquals(400, r.status());
    assertEquals(905, r.errorCode());
    assertEquals("ERR905: Missing parameter: 'user'", r.errorMessage());
  }

  private int failcount(String serial) {
    return api.token(admin, serial).getInt("failcount");
  }
}
