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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Bounded password hashing, on the "short" server ({@code countersign.password.concurrency=1},
 * {@code countersign.password.queue=0}): password checks beyond the one running are answered at
 * once with 503 in the envelope and {@code Retry-After: 1}, instead of piling up on the request
 * threads.
 */
class PasswordHashingLimitIT extends ServerTest {

  private static final int PARALLEL = 12;
  private static final int ROUNDS = 10;

  @Deployment(testable = false)
  @TargetsContainer("short")
  static WebArchive deployment() {
    return Deployments.war();
  }

  /** One burst of parallel admin sign-ins with the right password, released together. */
  private List<Api.Reply> burst() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        Api client = new Api(base);
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.post(
                      "auth", form("username", "admin", "password", Api.ADMIN_PASSWORD));
                }));
      }
      start.countDown();
      List<Api.Reply> done = new ArrayList<>();
      for (Future<Api.Reply> f : replies) {
        done.add(f.get());
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parallelSignInsBeyondTheHashingSlotsGet503WithRetryAfterInTheEnvelope() throws Exception {
    List<Api.Reply> busy = new ArrayList<>();
    for (int round = 0; round < ROUNDS && busy.isEmpty(); round++) {
      for (Api.Reply r : burst()) {
        assertTrue(r.status() == 200 || r.status() == 503, "only a session or busy: " + r.body());
        if (r.status() == 503) {
          busy.add(r);
        }
      }
    }
    assertFalse(
        busy.isEmpty(),
        "with one slot and no queue, " + PARALLEL + " parallel sign-ins must collide");
    for (Api.Reply r : busy) {
      assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
      assertFalse(r.result().getBoolean("status"));
      assertEquals(503, r.errorCode());
      assertTrue(r.json().containsKey("jsonrpc"), r.body());
    }
  }

  @Test
  void aBusyAnswerIsNotAFailedPasswordCheck() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      burst();
    }
    Api.Reply r = api.post("auth", form("username", "admin", "password", Api.ADMIN_PASSWORD));
    assertEquals(
        200, r.status(), "busy answers neither lock the account nor count against it: " + r.body());
  }
}
