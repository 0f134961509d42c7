package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A token at maxfail (10 on the default server, whose lock lasts 600 s) and a token inside the
 * delay after repeated failures: whatever is sent, the reply is the ordinary reject, the token
 * opens no challenge, and the audit trail alone tells a lock-out from a wrong code.
 */
class LockedTokenIT extends OnDefaultServer {

  private static final String PASSWORD = "user-Passw0rd";
  private static final String PIN = "2468";

  /** None of the first 100 codes of the RFC 4226 key. */
  private static final String WRONG = "000000";

  private final Codes rfc = Codes.rfc4226();

  /** A new user with one HOTP token of the RFC key, without PIN; returns {user, serial}. */
  private String[] userWithHotp() {
    String user = api.newUser(admin, "locked", PASSWORD);
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    return new String[] {user, serial};
  }

  private void fail(String serial, int times) {
    for (int i = 0; i < times; i++) {
      assertFalse(api.check("serial", serial, "pass", WRONG).value());
    }
  }

  @Test
  void lockedTokenGivesTheRightCodeTheSameReplyAsAWrongOneAndAuditsALockOut() {
    String[] us = userWithHotp();
    fail(us[1], 10);
    assertTrue(api.token(admin, us[1]).getBoolean("locked"));

    Api.Reply right = api.check("serial", us[1], "pass", rfc.hotp(0));
    Api.Reply wrong = api.check("serial", us[1], "pass", WRONG);
    assertFalse(right.value(), right.body());
    assertEquals(wrong.withoutTimeAndId(), right.withoutTimeAndId());
    assertEquals("wrong otp pin or otp value", right.detail().getString("message"));
    Api.Reply unlocked = api.check("serial", userWithHotp()[1], "pass", WRONG);
    assertEquals(
        unlocked.withoutTimeAndId(),
        right.withoutTimeAndId(),
        "a locked token's reply is the ordinary one");

    List<Map<String, Object>> audit =
        Database.of("payara")
            .rows(
                "SELECT success, info FROM cs_audit WHERE action = 'validate_check' AND serial = ? ORDER BY id",
                us[1]);
    for (Map<String, Object> row : audit.subList(audit.size() - 2, audit.size())) {
      assertEquals(false, row.get("success"));
      assertEquals("failcounter exceeded", row.get("info"), audit.toString());
    }
    assertEquals(10, api.token(admin, us[1]).getInt("failcount"));
    assertEquals(1, api.post("token/reset/" + us[1], Map.of(), admin).intValue());
    assertTrue(
        api.check("serial", us[1], "pass", rfc.hotp(0)).value(),
        "the code tried while locked was not used up");
  }

  @Test
  void lockedTiqrTokenOpensNoChallengeForTheRightPin() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    for (int i = 0; i < 10; i++) {
      assertFalse("CHALLENGE".equals(f.check("9" + PIN).authentication()));
    }
    assertTrue(f.token().getBoolean("locked"));

    Api.Reply rightPin = f.check(PIN);
    Api.Reply wrongPin = f.check("9" + PIN);
    assertEquals("REJECT", rightPin.authentication(), rightPin.body());
    assertFalse(rightPin.body().contains("transaction_id"), rightPin.body());
    assertEquals(wrongPin.withoutTimeAndId(), rightPin.withoutTimeAndId());
  }

  @Test
  void lockedTiqrTokenOpensNoChallengeThroughTriggerchallenge() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    for (int i = 0; i < 10; i++) {
      f.check("9" + PIN);
    }
    Api.Reply r = api.post("validate/triggerchallenge", form("user", f.user()), admin);
    assertEquals(200, r.status(), r.body());
    assertEquals(0, r.intValue(), r.body());
    assertFalse(r.detail().containsKey("transaction_id"), r.body());
    assertTrue(r.detail().getJsonArray("transaction_ids").isEmpty(), r.body());
    assertTrue(r.detail().getJsonArray("multi_challenge").isEmpty(), r.body());
  }

  @Test
  void passwordOfAUserWhoseOnlyTokenIsLockedOpensNeitherASessionNorAChallenge() {
    String[] us = userWithHotp();
    fail(us[1], 10);
    Api.Reply r = api.post("auth", form("username", us[0], "password", PASSWORD));
    Api.Reply wrongPassword =
        api.post("auth", form("username", us[0], "password", "not-" + PASSWORD));
    assertEquals(401, r.status(), r.body());
    assertFalse(r.body().contains("\"token\""), r.body());
    assertFalse(r.body().contains("transaction_id"), r.body());
    assertEquals(wrongPassword.withoutTimeAndId(), r.withoutTimeAndId());
  }

  @Test
  void afterSixFailuresTheRightCodeIsRejectedUntilTheDelayHasPassed() throws InterruptedException {
    String[] us = userWithHotp();
    fail(us[1], 6);
    Api.Reply early = api.check("serial", us[1], "pass", rfc.hotp(0));
    Api.Reply wrong = api.check("serial", userWithHotp()[1], "pass", WRONG);
    assertFalse(early.value(), "inside the delay even the right code is rejected: " + early.body());
    assertEquals(wrong.withoutTimeAndId(), early.withoutTimeAndId());
    assertEquals(
        7, api.token(admin, us[1]).getInt("failcount"), "an attempt inside the delay counts");

    Thread.sleep(8_500); // the delay after 7 failures: 2^(7-4) s
    assertTrue(api.check("serial", us[1], "pass", rfc.hotp(0)).value());
    assertEquals(0, api.token(admin, us[1]).getInt("failcount"));
  }

  @Test
  void tiqrAppsRightResponseInsideTheDelayIsTakenForAWrongOne() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    TiqrAppSimulator.AuthRequest s = TiqrFixture.scanned(challenge);
    String right = f.app().response(s);
    String wrong = (right.charAt(0) == '0' ? '1' : '0') + right.substring(1);
    for (int i = 0; i < 6; i++) {
      f.app().login(s.sessionKey(), s.userId(), wrong);
    }
    assertEquals(
        "INVALID_RESPONSE:3", f.app().login(s).body(), "not checked, counted as a failure");
    assertEquals(
        "pending",
        f.poll(TiqrFixture.transactionId(challenge)).detail().getString("challenge_status"));
  }
}
