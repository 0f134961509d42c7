package org.countersign.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a key is refused after a number of failures: nothing below {@code maxFailures}; {@code
 * firstLock} on reaching it; twice as long with each further failure, up to {@code maxLock}.
 *
 * <pre>{@code
 * new LockPolicy(5, Duration.ofSeconds(60), Duration.ofMinutes(15)).lockAfter(6)   // Optional[PT2M]
 * }</pre>
 */
public record LockPolicy(int maxFailures, Duration firstLock, Duration maxLock) {

  /** Doublings beyond this would overflow and are far past any sensible cap anyway. */
  private static final int MAX_DOUBLINGS = 20;

  public LockPolicy {
    if (maxFailures < 1
        || firstLock.isNegative()
        || firstLock.isZero()
        || maxLock.compareTo(firstLock) < 0) {
      throw new IllegalArgumentException("need maxFailures >= 1 and 0 < firstLock <= maxLock");
    }
  }

  public Optional<Duration> lockAfter(int failures) {
    int over = failures - maxFailures;
    if (over < 0) {
      return Optional.empty();
    }
    Duration lock = firstLock.multipliedBy(1L << Math.min(over, MAX_DOUBLINGS));
    return Optional.of(lock.compareTo(maxLock) > 0 ? maxLock : lock);
  }
}
