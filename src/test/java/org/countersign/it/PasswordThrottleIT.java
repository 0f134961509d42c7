package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The password throttle of {@code POST /auth} on the default server ({@code
 * countersign.signin.maxfailures} 5, {@code countersign.signin.lockseconds} 60; the per-address
 * limit is raised out of the way for the tests, which all come from 127.0.0.1). Each test uses
 * account names of its own.
 */
class PasswordThrottleIT extends OnDefaultServer {

  private static final String PASSWORD = "throttle-Passw0rd";
  private static final int MAX_FAILURES = 5;

  private Api.Reply auth(String username, String password) {
    return api.post("auth", form("username", username, "password", password));
  }

  private void failUntilLocked(String username) {
    for (int i = 0; i < MAX_FAILURES; i++) {
      Api.Reply r = auth(username, "wrong-" + i);
      assertEquals(
          401, r.status(), "failure " + (i + 1) + " is an ordinary rejection: " + r.body());
    }
  }

  private static long retryAfter(Api.Reply r) {
    return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
  }

  private static void assertThrottled(Api.Reply r) {
    assertThrottled(r, 60);
  }

  private static void assertThrottled(Api.Reply r, long lockSeconds) {
    assertEquals(429, r.status(), r.body());
    assertFalse(r.result().getBoolean("status"));
    assertEquals(4031, r.errorCode());
    long seconds = retryAfter(r);
    assertTrue(
        seconds > lockSeconds - 30 && seconds <= lockSeconds,
        "Retry-After of a lock of " + lockSeconds + " s: " + seconds);
    assertFalse(r.body().contains("\"token\""), r.body());
  }

  @Test
  void afterMaxFailuresTheRightAndTheWrongPasswordGet429WithRetryAfter() {
    String user = api.newUser(admin, "thr", PASSWORD);
    failUntilLocked(user);
    Api.Reply wrong = auth(user, "wrong-again");
    Api.Reply right = auth(user, PASSWORD);
    assertThrottled(wrong);
    assertThrottled(right);
    assertEquals(
        wrong.withoutTimeAndId(), right.withoutTimeAndId(), "the right password tells nothing");
  }

  @Test
  void anUnknownAccountIsThrottledWithTheIdenticalReply() {
    String known = api.newUser(admin, "thrknown", PASSWORD);
    String unknown = "thrnobody" + Long.toHexString(System.nanoTime());
    failUntilLocked(known);
    failUntilLocked(unknown);
    Api.Reply forKnown = auth(known, PASSWORD);
    Api.Reply forUnknown = auth(unknown, PASSWORD);
    assertThrottled(forUnknown);
    assertEquals(forKnown.status(), forUnknown.status());
    assertEquals(forKnown.withoutTimeAndId(), forUnknown.withoutTimeAndId());
    assertEquals(
        forKnown.headers().firstValue("Content-Type"),
        forUnknown.headers().firstValue("Content-Type"));
  }

  @Test
  void theRealmNamedOrLeftOutIsOneAccount() {
    String user = api.newUser(admin, "thrrealm", PASSWORD);
    for (int i = 0; i < MAX_FAILURES; i++) {
      Api.Reply r =
          i % 2 == 0
              ? auth(user, "wrong-" + i)
              : api.post(
                  "auth", form("username", user, "password", "wrong-" + i, "realm", "default"));
      assertEquals(401, r.status(), r.body());
    }
    assertThrottled(auth(user.toUpperCase(java.util.Locale.ROOT), PASSWORD));
  }

  @Test
  void aRightPasswordBeforeTheLimitClearsTheCount() {
    String user = api.newUser(admin, "threset", PASSWORD);
    for (int i = 0; i < MAX_FAILURES - 1; i++) {
      assertEquals(401, auth(user, "wrong-" + i).status());
    }
    assertEquals(200, auth(user, PASSWORD).status(), "still below the limit");
    for (int i = 0; i < MAX_FAILURES - 1; i++) {
      assertEquals(401, auth(user, "wrong-again-" + i).status(), "the count started afresh");
    }
    Api.Reply r = auth(user, PASSWORD);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.headers().firstValue("Retry-After").isEmpty());
  }

  @Test
  void parallelFirstFailuresOfOneAccountEachCountTowardsTheGrowingLock() throws Exception {
    String user = "thrrace" + Long.toHexString(System.nanoTime());
    int parallel = 8;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        Api client = new Api(base);
        String password = "wrong-" + i;
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.post("auth", form("username", user, "password", password));
                }));
      }
      start.countDown();
      int rejected = 0;
      for (Future<Api.Reply> f : replies) {
        Api.Reply r = f.get();
        assertTrue(
            r.status() == 401 || r.status() == 429, "a rejection, never an error: " + r.body());
        rejected += r.status() == 401 ? 1 : 0;
      }
      assertTrue(
          rejected >= MAX_FAILURES, "the lock starts only once " + MAX_FAILURES + " have failed");
      assertThrottled(auth(user, PASSWORD), 60L << (rejected - MAX_FAILURES));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherAccountIsNotRefusedByOnesLock() {
    String locked = api.newUser(admin, "thrlocked", PASSWORD);
    String other = api.newUser(admin, "throther", PASSWORD);
    failUntilLocked(locked);
    assertEquals(429, auth(locked, PASSWORD).status());
    assertEquals(200, auth(other, PASSWORD).status());
  }
}
