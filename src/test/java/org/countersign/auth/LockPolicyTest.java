package org.countersign.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockPolicyTest {

  private static final LockPolicy FIVE =
      new LockPolicy(5, Duration.ofSeconds(60), Duration.ofMinutes(15));

  @Test
  void noLockBelowTheLimit() {
    for (int failures = 0; failures < 5; failures++) {
      assertEquals(Optional.empty(), FIVE.lockAfter(failures));
    }
  }

  @Test
  void reachingTheLimitLocksForTheFirstPeriod() {
    assertEquals(Optional.of(Duration.ofSeconds(60)), FIVE.lockAfter(5));
  }

  @Test
  void eachFurtherFailureDoublesTheLock() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), FIVE.lockAfter(6));
    assertEquals(Optional.of(Duration.ofSeconds(240)), FIVE.lockAfter(7));
    assertEquals(Optional.of(Duration.ofSeconds(480)), FIVE.lockAfter(8));
  }

  @Test
  void theLockNeverExceedsTheCapNorOverflows() {
    assertEquals(Optional.of(Duration.ofMinutes(15)), FIVE.lockAfter(9));
    assertEquals(Optional.of(Duration.ofMinutes(15)), FIVE.lockAfter(Integer.MAX_VALUE));
  }

  @Test
  void aLimitOfOneLocksAfterTheFirstFailure() {
    assertEquals(
        Optional.of(Duration.ofSeconds(1)),
        new LockPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(5)).lockAfter(1));
  }

  @Test
  void refusesACapBelowTheFirstLock() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new LockPolicy(5, Duration.ofMinutes(2), Duration.ofMinutes(1)));
  }
}
