package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.countersign.config.Settings;
import org.countersign.policy.CoreActions;
import org.countersign.policy.Policies;
import org.countersign.policy.Scope;
import org.countersign.user.PolicySubjects;

/**
 * Whether a token takes an attempt now: the one rule that every check path (codes, challenges, the
 * app's answers) asks before it looks at a PIN, a code or a response. With {@code k} the token's
 * fail count and {@code t} the time of its last failure:
 *
 * <ul>
 *   <li>{@link State#OPEN}: the attempt is checked. A wrong one adds a failure; the right one
 *       clears the count.
 *   <li>{@link State#DELAYED} while {@code k < maxfail} and now {@code < t + delay(k)}, where
 *       {@code delay(k) = 0} for {@code k <= 3} and {@code min(2^(k-4), 60)} seconds above (1, 2,
 *       4, ... 32 s for k = 4 ... 9). The attempt is not checked and counts as one more failure, so
 *       that sending faster than the delay only reaches the lock sooner.
 *   <li>{@link State#LOCKED} while {@code k >= maxfail} and now {@code < t + clear timeout} (for
 *       ever when the timeout is 0). The attempt is not checked and changes nothing. After the
 *       timeout the token is open again: the right code clears the count, a wrong one is a new last
 *       failure and locks it for another timeout.
 * </ul>
 *
 * <p>A rejected attempt gets the ordinary reject whatever the state, so the reply never tells a
 * right code from a wrong one. The repository's conditional updates repeat the lock condition in
 * their WHERE clauses (see {@link #clearedBefore} and {@link #quietSince}), so a failure that a
 * concurrent request records first still wins.
 */
@ApplicationScoped
public class Lockout {

  /** Failures that cost no delay: a person mistyping a few times is not slowed down. */
  static final int FREE_FAILURES = 3;

  /** The longest delay between attempts, so that a token below maxfail is never held for long. */
  static final long MAX_DELAY_SECONDS = 60;

  /**
   * Stands for "never" in a comparison with a time of failure: no failure happened this long ago.
   */
  private static final LocalDateTime NEVER = LocalDateTime.of(1970, 1, 1, 0, 0);

  /**
   * Stands for "any time" in the same comparison, so that no delay depends on the clocks of two
   * nodes.
   */
  private static final LocalDateTime ANY_TIME = LocalDateTime.of(9999, 1, 1, 0, 0);

  /** What a token does with an attempt now. */
  public enum State {
    OPEN,
    DELAYED,
    LOCKED
  }

  @Inject Settings settings;
  @Inject Policies policies;
  @Inject PolicySubjects subjects;

  public State state(Token token, Instant now) {
    return state(
        token.failCount(), token.maxFail(), token.lastFailAt(), now, clearTimeoutSeconds(token));
  }

  /**
   * The clear timeout of this token: {@code countersign.failcounter.clear.timeout}, unless an
   * authentication policy that matches the owner (by realm and user) sets {@code
   * failcounter_clear_timeout}, in minutes as in privacyIDEA (0 keeps the lock until a reset).
   */
  long clearTimeoutSeconds(Token token) {
    if (token.realm().isEmpty()
        || token.username().isEmpty()
        || !policies.anySets(CoreActions.FAILCOUNTER_CLEAR_TIMEOUT)) {
      return settings.failCounterClearTimeoutSeconds();
    }
    return policies
        .decide(Scope.AUTHENTICATION, subjects.of(token.realm().get(), token.username().get(), ""))
        .whole(CoreActions.FAILCOUNTER_CLEAR_TIMEOUT)
        .map(minutes -> minutes * 60L)
        .orElse((long) settings.failCounterClearTimeoutSeconds());
  }

  /** Whether the token checks an attempt now. */
  public boolean admits(Token token, Instant now) {
    return state(token, now) == State.OPEN;
  }

  /** Whether the token is locked now (a delay is not a lock). */
  public boolean locks(Token token, Instant now) {
    return state(token, now) == State.LOCKED;
  }

  static State state(
      int failures, int maxFail, Optional<LocalDateTime> lastFail, Instant now, long clearTimeout) {
    if (failures >= maxFail) {
      boolean cleared =
          lastFail.isPresent() && !lastFail.get().isAfter(clearedBefore(now, clearTimeout));
      return cleared ? State.OPEN : State.LOCKED;
    }
    boolean waiting =
        lastFail.isPresent()
            && lastFail.get().isAfter(utc(now.minusSeconds(delaySeconds(failures))));
    return waiting ? State.DELAYED : State.OPEN;
  }

  /** The delay after {@code failures} failures below maxfail, in seconds. */
  static long delaySeconds(int failures) {
    if (failures <= FREE_FAILURES) {
      return 0;
    }
    int exponent = failures - FREE_FAILURES - 1;
    return exponent >= 6 ? MAX_DELAY_SECONDS : Math.min(1L << exponent, MAX_DELAY_SECONDS);
  }

  /** A locked token whose last failure is at or before this time takes attempts again. */
  LocalDateTime clearedBefore(Token token, Instant now) {
    return clearedBefore(now, clearTimeoutSeconds(token));
  }

  private static LocalDateTime clearedBefore(Instant now, long clearTimeout) {
    return clearTimeout == 0 ? NEVER : utc(now.minusSeconds(clearTimeout));
  }

  /** The token, as read, is past its delay if its last failure is at or before this time. */
  LocalDateTime quietSince(Token token, Instant now) {
    if (token.failCount() >= token.maxFail()) {
      return clearedBefore(token, now);
    }
    long delay = delaySeconds(token.failCount());
    return delay == 0 ? ANY_TIME : utc(now.minusSeconds(delay));
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
