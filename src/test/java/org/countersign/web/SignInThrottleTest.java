package org.countersign.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static SignInThrottle throttle(Instant now) {
    SignInThrottle t = new SignInThrottle();
    t.settings = new WebSettings() {
      @Override
      public int signInMaxFailures() {
        return 3;
      }

      @Override
      public Duration signInLock() {
        return Duration.ofSeconds(30);
      }
    };
    t.clock = Clock.fixed(now, ZoneOffset.UTC);
    return t;
  }

  @Test
  void refusesOnlyAfterTheAllowedNumberOfFailures() {
    SignInThrottle t = throttle(T0);
    t.failed("alice", "10.0.0.1");
    t.failed("alice", "10.0.0.1");
    assertEquals(Optional.empty(), t.refusedFor("alice", "10.0.0.1"));
    t.failed("alice", "10.0.0.1");
    assertEquals(Optional.of(Duration.ofSeconds(30)), t.refusedFor("alice", "10.0.0.1"));
  }

  @Test
  void lockDoublesWithEachFurtherFailureUpToFifteenMinutes() {
    SignInThrottle t = throttle(T0);
    for (int i = 0; i < 4; i++) {
      t.failed("alice", "10.0.0.1");
    }
    assertEquals(Optional.of(Duration.ofSeconds(60)), t.refusedFor("alice", "10.0.0.1"));
    for (int i = 0; i < 20; i++) {
      t.failed("alice", "10.0.0.1");
    }
    assertEquals(Optional.of(SignInThrottle.MAX_LOCK), t.refusedFor("alice", "10.0.0.1"));
  }

  @Test
  void countsPerUserNameIgnoringCaseAndPerClient() {
    SignInThrottle t = throttle(T0);
    for (int i = 0; i < 3; i++) {
      t.failed("Alice", "10.0.0.1");
    }
    assertTrue(t.refusedFor("alice", "10.0.0.1").isPresent());
    assertTrue(t.refusedFor("alice", "10.0.0.2").isEmpty());
    assertTrue(t.refusedFor("bob", "10.0.0.1").isEmpty());
  }

  @Test
  void successClearsTheCount() {
    SignInThrottle t = throttle(T0);
    t.failed("alice", "10.0.0.1");
    t.failed("alice", "10.0.0.1");
    t.succeeded("alice", "10.0.0.1");
    t.failed("alice", "10.0.0.1");
    assertTrue(t.refusedFor("alice", "10.0.0.1").isEmpty());
  }

  @Test
  void lockEndsWhenItsTimeHasPassed() {
    SignInThrottle t = throttle(T0);
    for (int i = 0; i < 3; i++) {
      t.failed("alice", "10.0.0.1");
    }
    t.clock = Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC);
    assertTrue(t.refusedFor("alice", "10.0.0.1").isEmpty());
  }
}
