package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.countersign.token.Lockout.State;
import org.junit.jupiter.api.Test;

class LockoutTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final int MAX = 10;
  private static final long TIMEOUT = 600;

  private static Optional<LocalDateTime> secondsAgo(long seconds) {
    return Optional.of(LocalDateTime.ofInstant(NOW.minusSeconds(seconds), ZoneOffset.UTC));
  }

  @Test
  void delayIsZeroForTheFirstThreeFailuresThenDoublesFromOneSecondUpToAMinute() {
    assertEquals(0, Lockout.delaySeconds(0));
    assertEquals(0, Lockout.delaySeconds(3));
    assertEquals(1, Lockout.delaySeconds(4));
    assertEquals(2, Lockout.delaySeconds(5));
    assertEquals(32, Lockout.delaySeconds(9));
    assertEquals(60, Lockout.delaySeconds(10));
    assertEquals(60, Lockout.delaySeconds(999));
  }

  @Test
  void tokenWithoutFailuresIsOpen() {
    assertEquals(State.OPEN, Lockout.state(0, MAX, Optional.empty(), NOW, TIMEOUT));
  }

  @Test
  void threeFailuresJustNowLeaveTheTokenOpen() {
    assertEquals(State.OPEN, Lockout.state(3, MAX, secondsAgo(0), NOW, TIMEOUT));
  }

  @Test
  void sixFailuresDelayTheNextAttemptForFourSeconds() {
    assertEquals(State.DELAYED, Lockout.state(6, MAX, secondsAgo(3), NOW, TIMEOUT));
    assertEquals(State.OPEN, Lockout.state(6, MAX, secondsAgo(4), NOW, TIMEOUT));
  }

  @Test
  void maxfailFailuresLockUntilTheClearTimeoutSinceTheLastOne() {
    assertEquals(State.LOCKED, Lockout.state(MAX, MAX, secondsAgo(599), NOW, TIMEOUT));
    assertEquals(State.OPEN, Lockout.state(MAX, MAX, secondsAgo(600), NOW, TIMEOUT));
  }

  @Test
  void clearTimeoutZeroLocksForEver() {
    assertEquals(State.LOCKED, Lockout.state(MAX, MAX, secondsAgo(10_000_000), NOW, 0));
  }

  @Test
  void lockWithoutAKnownFailureTimeNeverClears() {
    assertEquals(State.LOCKED, Lockout.state(MAX, MAX, Optional.empty(), NOW, TIMEOUT));
  }
}
