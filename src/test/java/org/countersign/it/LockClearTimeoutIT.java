package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * On the "short" server a lock clears {@value #CLEAR_SECONDS} s after the last failure ({@code
 * countersign.failcounter.clear.timeout}): then the right code is accepted and clears the fail
 * counter, and a wrong one locks the token again for as long.
 */
class LockClearTimeoutIT extends ServerTest {

  private static final int CLEAR_SECONDS = 5;
  private static final String PASSWORD = "user-Passw0rd";
  private static final String WRONG = "000000";

  private final Codes rfc = Codes.rfc4226();

  @Deployment(testable = false)
  @TargetsContainer("short")
  static WebArchive deployment() {
    return Deployments.war();
  }

  /** A new user's HOTP token of the RFC key, locked by ten wrong codes; returns its serial. */
  private String lockedHotp() {
    String user = api.newUser(admin, "clear", PASSWORD);
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    for (int i = 0; i < 10; i++) {
      api.check("serial", serial, "pass", WRONG);
    }
    assertTrue(api.token(admin, serial).getBoolean("locked"));
    return serial;
  }

  private static void waitForTheLockToClear() throws InterruptedException {
    Thread.sleep(CLEAR_SECONDS * 1000L + 1500);
  }

  @Test
  void aFailcounterClearTimeoutPolicyOfZeroKeepsItsUsersLockedPastTheSetting()
      throws InterruptedException {
    String user = api.newUser(admin, "hard", PASSWORD);
    String policy = "hardlock" + Long.toHexString(System.nanoTime());
    Api.Reply set =
        api.post(
            "policy/" + policy,
            Api.form(
                "scope", "authentication", "action", "failcounter_clear_timeout=0", "user", user),
            admin);
    assertEquals(200, set.status(), set.body());
    try {
      String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
      for (int i = 0; i < 10; i++) {
        api.check("serial", serial, "pass", WRONG);
      }
      waitForTheLockToClear();
      assertFalse(
          api.check("serial", serial, "pass", rfc.hotp(0)).value(), "the policy's hard lock holds");
      assertEquals(200, api.post("token/reset/" + serial, Map.of(), admin).status());
      assertTrue(
          api.check("serial", serial, "pass", rfc.hotp(0)).value(), "an admin reset clears it");
    } finally {
      api.delete("policy/" + policy, admin);
    }
  }

  @Test
  void afterTheClearTimeoutTheRightCodeIsAcceptedAndClearsTheFailCounter()
      throws InterruptedException {
    String serial = lockedHotp();
    assertFalse(api.check("serial", serial, "pass", rfc.hotp(0)).value(), "still locked");

    waitForTheLockToClear();
    Api.Reply r = api.check("serial", serial, "pass", rfc.hotp(0));
    assertTrue(r.value(), r.body());
    assertEquals(0, api.token(admin, serial).getInt("failcount"));
    assertFalse(api.token(admin, serial).getBoolean("locked"));
  }

  @Test
  void attemptsWhileLockedDoNotProlongTheLock() throws InterruptedException {
    String serial = lockedHotp();
    Thread.sleep(CLEAR_SECONDS * 1000L - 2000);
    assertFalse(api.check("serial", serial, "pass", WRONG).value());
    Thread.sleep(3500);
    assertTrue(
        api.check("serial", serial, "pass", rfc.hotp(0)).value(),
        "the lock runs from the last counted failure, not from the last attempt");
  }

  @Test
  void aWrongCodeAfterTheClearTimeoutLocksTheTokenAgain() throws InterruptedException {
    String serial = lockedHotp();
    waitForTheLockToClear();
    assertFalse(api.check("serial", serial, "pass", WRONG).value());
    assertFalse(
        api.check("serial", serial, "pass", rfc.hotp(0)).value(),
        "locked again from the wrong code");
    List<Map<String, Object>> audit =
        Database.of("short")
            .rows(
                "SELECT info FROM cs_audit WHERE action = 'validate_check' AND serial = ? ORDER BY id",
                serial);
    assertEquals("failcounter exceeded", audit.get(audit.size() - 1).get("info"), audit.toString());

    waitForTheLockToClear();
    assertTrue(api.check("serial", serial, "pass", rfc.hotp(0)).value());
  }

  @Test
  void lockedTiqrTokenOpensAChallengeAgainAfterTheClearTimeout() throws InterruptedException {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, "1357");
    for (int i = 0; i < 10; i++) {
      f.check("91357");
    }
    assertEquals("REJECT", f.check("1357").authentication());
    waitForTheLockToClear();
    Api.Reply challenge = f.challenge();
    assertEquals("OK", f.app().login(TiqrFixture.scanned(challenge)).body());
    assertEquals("ACCEPT", f.finalise(TiqrFixture.transactionId(challenge)).authentication());
    assertEquals(0, f.failcount());
  }
}
