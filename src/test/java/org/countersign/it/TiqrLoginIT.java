package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.countersign.token.totp.HashAlgorithm;
import org.countersign.token.totp.Hotp;
import org.countersign.token.totp.Totp;
import org.junit.jupiter.api.Test;

/**
 * Logging in with TiQR: the PIN opens a challenge, the app answers it at {@code /ttype/tiqr}, the
 * client polls {@code /validate/polltransaction} and finalises once with the transaction id.
 */
class TiqrLoginIT extends OnDefaultServer {

  private static final String PIN = "2468";

  @Test
  void pinOpensTiqrChallengeWithPollingQrCode() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply r = f.check(PIN);
    assertEquals(200, r.status(), r.body());
    assertEquals("CHALLENGE", r.authentication());
    assertFalse(r.value());
    assertChallengeDetail(f, r.detail());
  }

  @Test
  void wrongPinIsRejectedWithoutChallenge() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply r = f.check(PIN + "9");
    assertEquals(200, r.status(), r.body());
    assertEquals("REJECT", r.authentication());
    assertFalse(r.value());
    assertFalse(r.detail().containsKey("transaction_id"), r.body());
  }

  @Test
  void pollBeforeTheAppAnswersIsPending() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply poll = f.poll(TiqrFixture.transactionId(f.challenge()));
    assertEquals(200, poll.status(), poll.body());
    assertFalse(poll.value());
    assertEquals("pending", poll.detail().getString("challenge_status"));
  }

  @Test
  void pollOfUnknownTransactionIsPending() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply poll = f.poll("12345678901234567890");
    assertEquals(200, poll.status(), poll.body());
    assertFalse(poll.value());
    assertEquals("pending", poll.detail().getString("challenge_status"));
  }

  @Test
  void answeredChallengePollsAcceptAndFinalisesExactlyOnce() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    String tx = TiqrFixture.transactionId(challenge);
    Api.Reply answer = f.app().login(TiqrFixture.scanned(challenge));
    assertEquals(200, answer.status());
    assertEquals("OK", answer.body());

    for (int i = 0; i < 3; i++) {
      Api.Reply poll = f.poll(tx);
      assertTrue(poll.value(), poll.body());
      assertEquals("accept", poll.detail().getString("challenge_status"));
    }
    assertEquals(0, f.failcount(), "polling never touches the fail counter");

    Api.Reply first = f.finalise(tx);
    assertEquals("ACCEPT", first.authentication(), first.body());
    assertTrue(first.value());
    assertEquals(f.serial(), first.detail().getString("serial"));
    assertEquals("tiqr", first.detail().getString("type"));

    Api.Reply second = f.finalise(tx);
    assertEquals("REJECT", second.authentication(), second.body());
    assertFalse(second.value());
  }

  @Test
  void pollingPendingChallengeLeavesFailcountAtZero() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    String tx = TiqrFixture.transactionId(f.challenge());
    for (int i = 0; i < 12; i++) {
      assertEquals("pending", f.poll(tx).detail().getString("challenge_status"));
    }
    assertEquals(0, f.failcount());
  }

  @Test
  void finaliseBeforeTheAppAnswersIsRejected() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    String tx = TiqrFixture.transactionId(challenge);
    Api.Reply early = f.finalise(tx);
    assertEquals("REJECT", early.authentication(), early.body());
    assertFalse(early.value());

    assertEquals("OK", f.app().login(TiqrFixture.scanned(challenge)).body());
    assertEquals(
        "ACCEPT",
        f.finalise(tx).authentication(),
        "the early attempt did not use the challenge up");
  }

  @Test
  void wrongResponseCountsAFailureAndTheCorrectOneStillWorksAndResetsIt() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    TiqrAppSimulator.AuthRequest scanned = TiqrFixture.scanned(challenge);
    Api.Reply wrong =
        f.app().login(scanned.sessionKey(), scanned.userId(), otherThan(f.app().response(scanned)));
    assertEquals(200, wrong.status());
    assertEquals("INVALID_RESPONSE:9", wrong.body());
    assertEquals(1, f.failcount());
    assertEquals(
        "pending",
        f.poll(TiqrFixture.transactionId(challenge)).detail().getString("challenge_status"));

    assertEquals("OK", f.app().login(scanned).body());
    assertEquals("ACCEPT", f.finalise(TiqrFixture.transactionId(challenge)).authentication());
    assertEquals(0, f.failcount());
  }

  @Test
  void unknownSessionKeyIsInvalidChallenge() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    TiqrAppSimulator.AuthRequest scanned = TiqrFixture.scanned(f.challenge());
    Api.Reply r = f.app().login("00".repeat(16), scanned.userId(), f.app().response(scanned));
    assertEquals("INVALID_CHALLENGE", r.body());
  }

  @Test
  void secondAnswerToTheSameChallengeIsInvalidChallenge() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    TiqrAppSimulator.AuthRequest scanned = TiqrFixture.scanned(f.challenge());
    assertEquals("OK", f.app().login(scanned).body());
    assertEquals("INVALID_CHALLENGE", f.app().login(scanned).body());
  }

  @Test
  void userIdOtherThanTheOwnersIdentityIsInvalidUserid() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    TiqrAppSimulator.AuthRequest scanned = TiqrFixture.scanned(challenge);
    assertEquals(f.app().identity(), scanned.userId());
    Api.Reply r = f.app().login(scanned.sessionKey(), "mallory_default", f.app().response(scanned));
    assertEquals("INVALID_USERID", r.body());
    assertEquals(
        "pending",
        f.poll(TiqrFixture.transactionId(challenge)).detail().getString("challenge_status"));
  }

  @Test
  void loginWithoutResponseSessionKeyOrUserIdIsInvalidRequest() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    TiqrAppSimulator.AuthRequest s = TiqrFixture.scanned(f.challenge());
    String response = f.app().response(s);
    assertEquals("INVALID_REQUEST", f.app().login(s.sessionKey(), s.userId(), null).body());
    assertEquals("INVALID_REQUEST", f.app().login(null, s.userId(), response).body());
    assertEquals("INVALID_REQUEST", f.app().login(s.sessionKey(), null, response).body());
    assertEquals("OK", f.app().login(s).body(), "incomplete requests leave the challenge open");
  }

  @Test
  void tenWrongResponsesBlockTheAccountAndTheChallengeIsNeverAnswered() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    TiqrAppSimulator.AuthRequest s = lockWithWrongResponses(f, challenge);
    assertEquals("ACCOUNT_BLOCKED", f.app().login(s).body());
    assertEquals(
        "pending",
        f.poll(TiqrFixture.transactionId(challenge)).detail().getString("challenge_status"));
    assertEquals("REJECT", f.finalise(TiqrFixture.transactionId(challenge)).authentication());
  }

  @Test
  void resetOfABlockedTokenLetsTheAppAnswerAgain() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    TiqrAppSimulator.AuthRequest s = lockWithWrongResponses(f, challenge);
    Api.Reply reset = api.post("token/reset", Api.form("serial", f.serial()), admin);
    assertEquals(200, reset.status(), reset.body());
    assertEquals(0, f.failcount());

    assertEquals("OK", f.app().login(s).body());
    assertEquals("ACCEPT", f.finalise(TiqrFixture.transactionId(challenge)).authentication());
  }

  @Test
  void triggerchallengeOpensTiqrChallengeWithoutPin() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply r = api.post("validate/triggerchallenge", Api.form("user", f.user()), admin);
    assertEquals(200, r.status(), r.body());
    assertEquals(1, r.intValue());
    assertEquals("CHALLENGE", r.authentication());
    assertChallengeDetail(f, r.detail());

    assertEquals("OK", f.app().login(TiqrFixture.scanned(r)).body());
    assertEquals("ACCEPT", f.finalise(TiqrFixture.transactionId(r)).authentication());
  }

  @Test
  void triggerchallengeWithoutJwtIs401() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply r = api.post("validate/triggerchallenge", Api.form("user", f.user()));
    assertEquals(401, r.status(), r.body());
    assertEquals(4033, r.errorCode());
  }

  @Test
  void userWithTotpAndTiqrGetsTiqrChallengeForItsPinAndTotpStillAccepts() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    String totpKey = "3132333435363738393031323334353637383930";
    String totpPin = "9753";
    api.enrol(admin, "type", "totp", "user", f.user(), "otpkey", totpKey, "pin", totpPin);

    Api.Reply challenge = f.check(PIN);
    assertEquals("CHALLENGE", challenge.authentication(), challenge.body());
    assertEquals(
        f.serial(),
        challenge.detail().getJsonArray("multi_challenge").getJsonObject(0).getString("serial"));

    Api.Reply totp = f.check(totpPin + totpNow(totpKey));
    assertEquals("ACCEPT", totp.authentication(), totp.body());
    assertEquals("totp", totp.detail().getString("type"));
  }

  @Test
  void eightConcurrentCorrectAnswersToOneChallengeGiveOneOk() throws Exception {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    TiqrAppSimulator.AuthRequest s = TiqrFixture.scanned(f.challenge());
    List<Api.Reply> replies = concurrently(8, () -> f.app().login(s));
    assertEquals(1, replies.stream().filter(r -> "OK".equals(r.body())).count(), bodies(replies));
    assertEquals(
        7,
        replies.stream().filter(r -> "INVALID_CHALLENGE".equals(r.body())).count(),
        bodies(replies));
  }

  @Test
  void eightConcurrentFinalisationsOfAnAnsweredChallengeAcceptOnce() throws Exception {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    assertEquals("OK", f.app().login(TiqrFixture.scanned(challenge)).body());
    String tx = TiqrFixture.transactionId(challenge);
    List<Api.Reply> replies = concurrently(8, () -> f.finalise(tx));
    assertEquals(
        1,
        replies.stream().filter(r -> "ACCEPT".equals(r.authentication())).count(),
        bodies(replies));
  }

  @Test
  void challengeIsStoredPendingThenAccept() {
    TiqrFixture f = TiqrFixture.enrolled(api, admin, PIN);
    Api.Reply challenge = f.challenge();
    String tx = TiqrFixture.transactionId(challenge);
    TiqrAppSimulator.AuthRequest s = TiqrFixture.scanned(challenge);
    TiqrDatabase db = TiqrDatabase.of("payara");

    List<List<String>> rows = db.challenges(tx);
    assertEquals(
        List.of(List.of(f.serial(), "tiqr", s.sessionKey(), s.question(), "pending")), rows);

    assertEquals("OK", f.app().login(s).body());
    assertEquals(List.of("accept"), db.challengeStatuses(tx));
  }

  private void assertChallengeDetail(TiqrFixture f, JsonObject detail) {
    String tx = detail.getString("transaction_id");
    assertTrue(tx.matches("[0-9]{20}"), tx);
    JsonObject c = detail.getJsonArray("multi_challenge").getJsonObject(0);
    assertEquals(f.serial(), c.getString("serial"));
    assertEquals("tiqr", c.getString("type"));
    assertEquals(tx, c.getString("transaction_id"));
    assertFalse(c.getString("message").isBlank());
    assertEquals("poll", c.getString("client_mode"));
    JsonObject attributes = c.getJsonObject("attributes");
    assertTrue(attributes.getBoolean("poll"));
    assertTrue(attributes.getBoolean("hideResponseInput"));
    String url = attributes.getString("value");
    assertTrue(url.startsWith("tiqrauth://"), url);
    assertEquals(url, TiqrAppSimulator.scan(c.getString("image")));
    assertEquals(url, TiqrAppSimulator.scan(attributes.getString("img")));

    TiqrAppSimulator.AuthRequest s = TiqrAppSimulator.AuthRequest.parse(url);
    assertEquals(f.user() + "_default", s.userId());
    assertEquals(
        f.app().metadata().getJsonObject("service").getString("identifier"), s.serviceIdentifier());
    assertEquals(
        f.app().metadata().getJsonObject("service").getString("displayName"), s.serviceName());
    assertTrue(s.question().matches("[0-9a-fA-F]{10}"), s.question());
    assertTrue(s.sessionKey().matches("[0-9a-fA-F]+"), s.sessionKey());
  }

  /** Ten wrong responses to the challenge; the last reply says no attempts are left. */
  private TiqrAppSimulator.AuthRequest lockWithWrongResponses(TiqrFixture f, Api.Reply challenge) {
    TiqrAppSimulator.AuthRequest s = TiqrFixture.scanned(challenge);
    String wrong = otherThan(f.app().response(s));
    String last = null;
    for (int i = 0; i < 10; i++) {
      last = f.app().login(s.sessionKey(), s.userId(), wrong).body();
    }
    assertEquals("INVALID_RESPONSE:0", last);
    assertTrue(f.token().getBoolean("locked"));
    return s;
  }

  private static String otherThan(String response) {
    char first = response.charAt(0) == '0' ? '1' : '0';
    return first + response.substring(1);
  }

  private static String totpNow(String keyHex) {
    awayFromStepEdge();
    byte[] key = java.util.HexFormat.of().parseHex(keyHex);
    return new Totp(new Hotp(HashAlgorithm.SHA1, 6), 30).at(key, Instant.now());
  }

  /**
   * Waits until the current 30 s step has at least 5 s left, so the server checks the code in the
   * same step.
   */
  private static void awayFromStepEdge() {
    long into = System.currentTimeMillis() % 30_000;
    if (into > 25_000) {
      sleep(30_000 - into + 300);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs the call on {@code n} threads released together; returns every reply. */
  private static List<Api.Reply> concurrently(int n, Callable<Api.Reply> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Api.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS));
      go.countDown();
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : futures) {
        replies.add(f.get(120, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String bodies(List<Api.Reply> replies) {
    return replies.stream().map(r -> r.status() + " " + r.body()).toList().toString();
  }
}
