package org.countersign.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.countersign.config.Configuration;
import org.countersign.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingSlotsTest {

  /** Threads of its own, so that the common pool's size on a small machine cannot starve a test. */
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private static HashingSlots slots(int concurrency, int queue) {
    HashingSlots s = new HashingSlots();
    s.settings =
        Settings.from(
            Configuration.of(
                Map.of(
                    Settings.PASSWORD_CONCURRENCY, String.valueOf(concurrency),
                    Settings.PASSWORD_QUEUE, String.valueOf(queue))));
    s.init();
    return s;
  }

  /** Holds one slot until released; returns once the slot is taken. */
  private CountDownLatch occupy(HashingSlots slots, CompletableFuture<?>[] holder) {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    holder[0] =
        CompletableFuture.runAsync(
            () ->
                slots.run(
                    () -> {
                      taken.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    }),
            threads);
    try {
      taken.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return release;
  }

  @Test
  void runsTheHashingAndReturnsItsResult() {
    assertEquals("done", slots(1, 0).run(() -> "done"));
  }

  @Test
  void refusesAtOnceWhenEverySlotIsTakenAndThereIsNoQueue() {
    HashingSlots slots = slots(1, 0);
    CompletableFuture<?>[] holder = new CompletableFuture<?>[1];
    CountDownLatch release = occupy(slots, holder);
    try {
      assertThrows(PasswordHashingBusy.class, () -> slots.run(() -> "second"));
    } finally {
      release.countDown();
      holder[0].join();
    }
    assertEquals("again", slots.run(() -> "again"), "a released slot serves the next check");
  }

  @Test
  void aQueuedCheckWaitsForTheSlotAndOneBeyondTheQueueFails() throws Exception {
    HashingSlots slots = slots(1, 1);
    CompletableFuture<?>[] holder = new CompletableFuture<?>[1];
    CountDownLatch release = occupy(slots, holder);
    CompletableFuture<String> queued =
        CompletableFuture.supplyAsync(() -> slots.run(() -> "queued"), threads);
    while (slots.waiting() == 0) {
      Thread.onSpinWait();
    }
    assertThrows(PasswordHashingBusy.class, () -> slots.run(() -> "third"));
    release.countDown();
    assertEquals("queued", queued.get());
    holder[0].join();
  }
}
