package org.countersign.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A request that cannot be answered normally: malformed input, missing rights, unknown things. A
 * wrong code is not an exception but an authentication result. The message is meant for the caller,
 * so it never carries a secret.
 *
 * <pre>{@code
 * throw DomainException.missing("user"); // the API answers 400, ERR905: Missing parameter: 'user'
 * }</pre>
 */
public class DomainException extends RuntimeException {

  private final Reason reason;
  private final Duration retryAfter;

  public DomainException(Reason reason, String message) {
    this(reason, message, null);
  }

  /** A refusal after which the caller may try again, after {@code retryAfter}. */
  public DomainException(Reason reason, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public static DomainException missing(String parameter) {
    return new DomainException(Reason.PARAMETER, "Missing parameter: '" + parameter + "'");
  }

  public static DomainException invalid(String parameter, String why) {
    return new DomainException(Reason.PARAMETER, "Invalid parameter '" + parameter + "': " + why);
  }

  public static DomainException tokenNotFound(String serial) {
    return new DomainException(
        Reason.NOT_FOUND, "The token with serial '" + serial + "' does not exist.");
  }

  public static DomainException forbidden(String why) {
    return new DomainException(Reason.FORBIDDEN, why);
  }
}
