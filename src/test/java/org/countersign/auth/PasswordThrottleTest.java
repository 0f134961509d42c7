package org.countersign.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countersign.config.Configuration;
import org.countersign.config.Settings;
import org.countersign.crypto.KeyRing;
import org.junit.jupiter.api.Test;

/**
 * The throttle's decisions over rows kept in a map; the SQL itself is exercised by
 * PasswordThrottleIT.
 */
class PasswordThrottleTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final PasswordThrottle.Attempt ALICE =
      new PasswordThrottle.Attempt("default", "alice", "10.0.0.1");

  /**
   * Rows in memory; {@code raceOnce} makes the next insert lose to a row that appears meanwhile.
   */
  static final class MapRows extends ThrottleRows {
    final Map<String, Integer> failures = new HashMap<>();
    final Map<String, LocalDateTime> locks = new HashMap<>();
    final List<String> cleared = new ArrayList<>();
    boolean raceOnce;

    @Override
    public Optional<LocalDateTime> lockedUntil(Collection<String> keys, LocalDateTime now) {
      return keys.stream()
          .map(locks::get)
          .filter(t -> t != null && t.isAfter(now))
          .max(LocalDateTime::compareTo);
    }

    @Override
    public int countFailure(String key, LocalDateTime now, LockPolicy policy) {
      Integer n = failures.computeIfPresent(key, (k, v) -> v + 1);
      if (n == null) {
        return 0;
      }
      policy.lockAfter(n).ifPresent(lock -> locks.put(key, now.plus(lock)));
      return n;
    }

    @Override
    public boolean insertFirst(String key, LocalDateTime now, LockPolicy policy) {
      if (raceOnce) {
        raceOnce = false;
        failures.put(key, 1);
        return false;
      }
      failures.put(key, 1);
      policy.lockAfter(1).ifPresent(lock -> locks.put(key, now.plus(lock)));
      return true;
    }

    @Override
    public void clear(String key) {
      failures.remove(key);
      locks.remove(key);
      cleared.add(key);
    }
  }

  private final MapRows rows = new MapRows();

  private PasswordThrottle throttle(int accountMax, int addressMax) {
    PasswordThrottle t = new PasswordThrottle();
    t.rows = rows;
    t.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    t.settings =
        Settings.from(
            Configuration.of(
                Map.of(
                    Settings.SIGNIN_MAX_FAILURES, String.valueOf(accountMax),
                    Settings.SIGNIN_ADDRESS_MAX_FAILURES, String.valueOf(addressMax),
                    Settings.SIGNIN_LOCK_SECONDS, "60")));
    KeyRing keys = new KeyRing();
    keys.install(new byte[32]);
    t.keys = keys;
    return t;
  }

  @Test
  void refusesForTheFirstLockOnceTheAccountReachesItsLimit() {
    PasswordThrottle t = throttle(3, 1000);
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), t.refusal(ALICE));
      t.failed(ALICE);
    }
    assertEquals(Optional.of(Duration.ofSeconds(60)), t.refusal(ALICE));
  }

  @Test
  void theAccountIsOneWhateverTheCaseOfTheNameAndTheAddress() {
    PasswordThrottle t = throttle(2, 1000);
    t.failed(new PasswordThrottle.Attempt("default", "Alice", "10.0.0.2"));
    t.failed(new PasswordThrottle.Attempt("default", "ALICE", "10.0.0.3"));
    assertTrue(t.refusal(ALICE).isPresent());
    assertFalse(
        t.refusal(new PasswordThrottle.Attempt("other", "alice", "10.0.0.4")).isPresent(),
        "another realm is another account");
  }

  @Test
  void oneAddressTryingManyAccountsIsRefusedForAllOfThem() {
    PasswordThrottle t = throttle(1000, 3);
    for (int i = 0; i < 3; i++) {
      t.failed(new PasswordThrottle.Attempt("default", "user" + i, "10.0.0.9"));
    }
    assertTrue(
        t.refusal(new PasswordThrottle.Attempt("default", "someone-else", "10.0.0.9")).isPresent());
    assertFalse(
        t.refusal(new PasswordThrottle.Attempt("default", "someone-else", "10.0.0.8")).isPresent());
  }

  @Test
  void aSuccessClearsTheAccountButNotTheAddress() {
    PasswordThrottle t = throttle(1000, 1000);
    t.failed(ALICE);
    t.succeeded(ALICE);
    assertEquals(1, rows.cleared.size());
    assertEquals(1, rows.failures.size(), "the address keeps its count");
  }

  @Test
  void aFirstFailureThatLosesTheInsertRaceCountsOnTheRowThatWon() {
    PasswordThrottle t = throttle(2, 1000);
    rows.raceOnce = true;
    t.failed(ALICE);
    assertTrue(rows.failures.containsValue(2), "the failure counted on the row inserted meanwhile");
    assertTrue(t.refusal(ALICE).isPresent());
  }

  @Test
  void theKeysHoldNeitherTheNameNorTheAddress() {
    PasswordThrottle t = throttle(1000, 1000);
    t.failed(ALICE);
    for (String key : rows.failures.keySet()) {
      assertTrue(key.matches("[0-9a-f]{64}"), key);
    }
  }
}
