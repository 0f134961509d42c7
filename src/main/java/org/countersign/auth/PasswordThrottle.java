package org.countersign.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.countersign.config.Settings;
import org.countersign.crypto.KeyRing;

/**
 * The one throttle on every password check, API and pages alike, kept in the database so that every
 * node counts the same failures. Failures are counted per account and per client address; a key
 * that reaches its limit is refused for {@link Settings#SIGNIN_LOCK_SECONDS}, twice as long with
 * each further failure, up to {@link #MAX_LOCK}. While either key of an attempt is refused, its
 * password is not checked (nor hashed) at all, so the right password gets the same refusal as a
 * wrong one, and an unknown account the same as a known one. A right password clears its account's
 * count; the address keeps its count until it has been idle for {@link #FORGET_AFTER}, so that one
 * address cannot try many accounts.
 *
 * <pre>{@code
 * var attempt = new PasswordThrottle.Attempt(realm, username, client);
 * Optional<Duration> refused = throttle.refusal(attempt);   // before the password is looked at
 * if (ok) throttle.succeeded(attempt); else throttle.failed(attempt);
 * }</pre>
 */
@ApplicationScoped
public class PasswordThrottle {

  static final Duration MAX_LOCK = Duration.ofMinutes(15);

  /** How long a key's count is kept after its last failure. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  @Inject ThrottleRows rows;
  @Inject KeyRing keys;
  @Inject Settings settings;
  @Inject Clock clock;

  /** How long password checks of this attempt stay refused, if they are refused now. */
  public Optional<Duration> refusal(Attempt attempt) {
    Instant now = clock.instant();
    return rows.lockedUntil(List.of(accountKey(attempt), addressKey(attempt)), utc(now))
        .map(until -> Duration.between(now, until.toInstant(ZoneOffset.UTC)));
  }

  public void failed(Attempt attempt) {
    LocalDateTime now = utc(clock.instant());
    Duration lock = Duration.ofSeconds(settings.signInLockSeconds());
    count(accountKey(attempt), now, new LockPolicy(settings.signInMaxFailures(), lock, MAX_LOCK));
    count(
        addressKey(attempt),
        now,
        new LockPolicy(settings.signInAddressMaxFailures(), lock, MAX_LOCK));
  }

  public void succeeded(Attempt attempt) {
    rows.clear(accountKey(attempt));
  }

  /** Forgets the keys that have been idle for {@link #FORGET_AFTER} and are not locked. */
  public int purge() {
    Instant now = clock.instant();
    return rows.purge(utc(now.minus(FORGET_AFTER)), utc(now));
  }

  private void count(String key, LocalDateTime now, LockPolicy policy) {
    if (rows.countFailure(key, now, policy) == 0 && !rows.insertFirst(key, now, policy)) {
      rows.countFailure(key, now, policy);
    }
  }

  private String accountKey(Attempt a) {
    return keys.throttleKeys()
        .of("account:" + a.realm() + "/" + a.username().toLowerCase(Locale.ROOT));
  }

  private String addressKey(Attempt a) {
    return keys.throttleKeys().of("address:" + a.address());
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * One password check: the account it names (the realm as requested, or the default) and where it
   * came from.
   */
  public record Attempt(String realm, String username, String address) {}
}
