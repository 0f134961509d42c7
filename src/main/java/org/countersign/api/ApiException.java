package org.countersign.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A request that cannot be answered normally: malformed input, missing rights, unknown resources. A
 * wrong code is not an exception but an authentication result.
 *
 * <pre>{@code
 * throw ApiException.missing("user");   // 400, ERR905: Missing parameter: 'user'
 * }</pre>
 */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final Duration retryAfter;

  public ApiException(ErrorCode code, String message) {
    this(code, message, null);
  }

  /** An error after which the client may try again; the reply carries {@code Retry-After}. */
  public ApiException(ErrorCode code, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public ErrorCode code() {
    return code;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public static ApiException missing(String parameter) {
    return new ApiException(ErrorCode.PARAMETER, "Missing parameter: '" + parameter + "'");
  }

  public static ApiException invalid(String parameter, String why) {
    return new ApiException(ErrorCode.PARAMETER, "Invalid parameter '" + parameter + "': " + why);
  }

  public static ApiException tokenNotFound(String serial) {
    return new ApiException(
        ErrorCode.NOT_FOUND, "The token with serial '" + serial + "' does not exist.");
  }

  public static ApiException forbidden(String why) {
    return new ApiException(ErrorCode.FORBIDDEN, why);
  }
}
