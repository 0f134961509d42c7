package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Challenges and enrolment sessions expire, on a server whose challenges live 6 s and whose
 * enrolment QR codes live 10 s (the smallest value the configuration allows), and the purge timer
 * (second 0 of every minute) deletes the expired rows.
 *
 * <p>Arquillian registers only the launched container, so this class runs with {@code
 * -Darquillian.launch=short}.
 */
class TiqrExpiryIT extends ServerTest {

  private static final String QUALIFIER = "short";
  private static final int CHALLENGE_SECONDS = 6;
  private static final int ENROLMENT_SECONDS = 10;
  private static final String PIN = "1357";

  @Deployment(testable = false)
  @TargetsContainer(QUALIFIER)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void answerAfterTheChallengeExpiredIsInvalidChallengeAndThePollStaysPending() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    String tx = TiqrFixture.transactionId(challenge);
    sleepSeconds(CHALLENGE_SECONDS + 1);

    assertEquals("INVALID_CHALLENGE", f.app().login(TiqrFixture.scanned(challenge)).body());
    Api.Reply poll = f.poll(tx);
    assertEquals("pending", poll.detail().getString("challenge_status"), poll.body());
    assertEquals("REJECT", f.finalise(tx).authentication());
    assertEquals(0, f.failcount());
  }

  @Test
  void answeredChallengeCannotBeFinalisedAfterItExpired() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    String tx = TiqrFixture.transactionId(challenge);
    assertEquals("OK", f.app().login(TiqrFixture.scanned(challenge)).body());
    sleepSeconds(CHALLENGE_SECONDS + 1);

    assertEquals("pending", f.poll(tx).detail().getString("challenge_status"));
    assertEquals("REJECT", f.finalise(tx).authentication());
  }

  @Test
  void enrolmentSessionUsedAfterItExpiredIs400InvalidSession() {
    String user = api.newUser(admin, "tqexp", TiqrFixture.PASSWORD);
    Api.Reply init = api.init(admin, "type", "tiqr", "user", user, "pin", PIN);
    assertEquals(200, init.status(), init.body());
    String serial = init.detail().getString("serial");
    TiqrAppSimulator app = new TiqrAppSimulator(api);
    assertEquals(200, app.fetchMetadata(TiqrAppSimulator.scan(enrolImage(init))).status());
    sleepSeconds(ENROLMENT_SECONDS + 1);

    Api.Reply r = app.register();
    assertEquals(400, r.status(), r.body());
    assertEquals(905, r.errorCode());
    assertEquals("ERR905: Invalid session", r.errorMessage());
    assertEquals("clientwait", api.token(admin, serial).getString("rollout_state"));
    Api.Reply metadata =
        app.fetchMetadata(init.detail().getJsonObject("tiqrenroll").getString("value"));
    assertEquals(400, metadata.status(), metadata.body());
  }

  @Test
  void purgeTimerDeletesExpiredChallengesAndSessionsAndKeepsUnexpiredOnes() {
    TiqrDatabase db = TiqrDatabase.of(QUALIFIER);
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    long start = System.currentTimeMillis();
    String oldTx = TiqrFixture.transactionId(f.challenge());
    String oldSession = sessionHash(newEnrolmentUrl());
    assertEquals(1, db.challengeStatuses(oldTx).size(), "the challenge is stored");
    assertEquals(1, db.enrolmentSessions(oldSession).size(), "the enrolment session is stored");

    // The purge runs at second 0 of a minute. Both old rows must have expired by then, and the
    // fresh ones are
    // opened 2 s before it, so that they are still valid when it runs.
    long boundary = nextMinuteAfter(start + (ENROLMENT_SECONDS + 4) * 1000L);
    sleepUntil(boundary - 2_000);
    String freshTx = TiqrFixture.transactionId(f.challenge());
    String freshSession = sessionHash(newEnrolmentUrl());
    sleepUntil(boundary + 1_000);

    long deadline = boundary + 15_000;
    while ((!db.challengeStatuses(oldTx).isEmpty() || !db.enrolmentSessions(oldSession).isEmpty())
        && System.currentTimeMillis() < deadline) {
      sleepMillis(500);
    }
    assertEquals(List.of(), db.challengeStatuses(oldTx), "expired challenge purged");
    assertEquals(List.of(), db.enrolmentSessions(oldSession), "expired enrolment session purged");
    assertEquals(
        1, db.challengeStatuses(freshTx).size(), "challenge not yet expired at the purge is kept");
    assertEquals(
        1,
        db.enrolmentSessions(freshSession).size(),
        "session not yet expired at the purge is kept");
  }

  private String newEnrolmentUrl() {
    String user = api.newUser(admin, "tqpurge", TiqrFixture.PASSWORD);
    Api.Reply init = api.init(admin, "type", "tiqr", "user", user, "pin", PIN);
    assertEquals(200, init.status(), init.body());
    return init.detail().getJsonObject("tiqrenroll").getString("value");
  }

  private static String enrolImage(Api.Reply init) {
    return init.detail().getJsonObject("tiqrenroll").getString("img");
  }

  /** The server stores only the SHA-256 (hex) of an enrolment session, not the session itself. */
  private static String sessionHash(String enrolmentUrl) {
    Matcher m = Pattern.compile("session=([0-9a-f]+)").matcher(enrolmentUrl);
    assertTrue(m.find(), enrolmentUrl);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long nextMinuteAfter(long millis) {
    return (millis / 60_000 + 1) * 60_000;
  }

  private static void sleepUntil(long millis) {
    sleepMillis(millis - System.currentTimeMillis());
  }

  private static void sleepSeconds(int seconds) {
    sleepMillis(seconds * 1000L);
  }

  private static void sleepMillis(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
