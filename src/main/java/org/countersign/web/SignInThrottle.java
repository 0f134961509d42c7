package org.countersign.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing at the sign-in page. Failures are counted per user name and client address; after
 * {@link WebSettings#SIGNIN_MAX_FAILURES} of them every attempt is refused, without checking the password, for
 * {@link WebSettings#SIGNIN_LOCK_SECONDS}, doubling with each failure after the lock ends, up to {@link #MAX_LOCK}.
 * A successful sign-in clears the count. The counts live in the memory of this node only: a restart or another
 * node starts afresh, which bounds the guessing rate per node rather than globally.
 */
@ApplicationScoped
public class SignInThrottle {

  static final Duration MAX_LOCK = Duration.ofMinutes(15);
  /** Beyond this many tracked keys, idle entries are dropped so that the map cannot grow without bound. */
  private static final int PRUNE_ABOVE = 10_000;

  @Inject WebSettings settings;
  @Inject Clock clock;

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** How long sign-in stays refused for this user name and client, if it is refused now. */
  public Optional<Duration> refusedFor(String username, String client) {
    Failures f = failures.get(key(username, client));
    Instant now = clock.instant();
    if (f == null || !f.lockedUntil().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, f.lockedUntil()));
  }

  public void failed(String username, String client) {
    Instant now = clock.instant();
    failures.compute(key(username, client), (k, old) -> {
      int count = old == null ? 1 : old.count() + 1;
      int over = count - settings.signInMaxFailures();
      Instant until = now;
      if (over >= 0) {
        Duration lock = settings.signInLock().multipliedBy(1L << Math.min(over, 20));
        until = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
      }
      return new Failures(count, until, now);
    });
    if (failures.size() > PRUNE_ABOVE) {
      Instant idle = now.minus(MAX_LOCK.multipliedBy(2));
      failures.values().removeIf(f -> f.last().isBefore(idle));
    }
  }

  public void succeeded(String username, String client) {
    failures.remove(key(username, client));
  }

  private static String key(String username, String client) {
    return username.toLowerCase(Locale.ROOT) + '\n' + client;
  }

  private record Failures(int count, Instant lockedUntil, Instant last) {}
}
