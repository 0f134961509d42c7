package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many checks of one token at the same moment: counters and fail counts must change atomically, so
 * one code is accepted once and the fail counter never passes its maximum.
 */
class ConcurrencyIT extends OnDefaultServer {

  @Test
  void thirtyTwoConcurrentChecksOfTheSameTotpCodeAcceptExactlyOne() throws Exception {
    Api.Reply init = api.init(admin, "type", "totp", "genkey", "1");
    String serial = init.detail().getString("serial");
    Codes codes = Codes.fromOtpauth(init.detail().getJsonObject("googleurl").getString("value"));
    Codes.awayFromStepEdge(codes.period(), 10);
    String code = codes.totpNow();
    List<Api.Reply> replies = concurrently(32, () -> api.check("serial", serial, "pass", code));
    assertEquals(1, accepted(replies), "accepted replies");
  }

  @Test
  void thirtyTwoConcurrentChecksOfTheSameHotpCodeAcceptExactlyOne() throws Exception {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY);
    String code = Codes.rfc4226().hotp(0);
    List<Api.Reply> replies = concurrently(32, () -> api.check("serial", serial, "pass", code));
    assertEquals(1, accepted(replies), "accepted replies");
    assertEquals(1, api.token(admin, serial).getInt("count"));
  }

  @Test
  void fiftyConcurrentWrongCodesLeaveTheFailCounterAtExactlyMaxfail() throws Exception {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY);
    List<Api.Reply> replies = concurrently(50, () -> api.check("serial", serial, "pass", "000000"));
    assertEquals(0, accepted(replies));
    assertEquals(10, api.token(admin, serial).getInt("failcount"));
    assertTrue(api.token(admin, serial).getBoolean("locked"));
  }

  /**
   * Runs the call on {@code n} threads released together by one start gate; every reply must be
   * HTTP 200.
   */
  private static List<Api.Reply> concurrently(int n, java.util.concurrent.Callable<Api.Reply> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Api.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return call.call();
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
      start.countDown();
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : futures) {
        Api.Reply r = f.get(120, TimeUnit.SECONDS);
        assertEquals(200, r.status(), r.body());
        replies.add(r);
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long accepted(List<Api.Reply> replies) {
    return replies.stream().filter(Api.Reply::value).count();
  }
}
