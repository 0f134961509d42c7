package org.countersign.api;

/**
 * Every error the API reports: the privacyIDEA error code, the HTTP status and whether the message
 * carries the {@code ERRnnn: } prefix. One code, one status, mapped in one place ({@link
 * ApiExceptionMapper}).
 */
public enum ErrorCode {
  /** A parameter is missing, malformed, out of range or too long. */
  PARAMETER(905, 400, true),
  /** The named user does not exist (admin endpoints only; /validate never tells). */
  USER(904, 400, true),
  /** A token administration request cannot be carried out. */
  TOKEN_ADMIN(301, 400, true),
  /** A configuration value (such as a policy's client range) is malformed. */
  CONFIG(302, 400, true),
  /** Policies forbid this, or contradict each other. */
  POLICY(303, 403, true),
  /** The caller may not do this. */
  FORBIDDEN(303, 403, true),
  /** The addressed resource (a serial, a user, a path) does not exist. */
  NOT_FOUND(601, 404, false),
  /** The request body is larger than the server accepts. */
  TOO_LARGE(905, 413, true),
  /** The HTTP method is not supported for this path. */
  METHOD_NOT_ALLOWED(905, 405, true),
  /** Wrong user name or password, or an invalid JWT. */
  WRONG_CREDENTIALS(4031, 401, false),
  /** No Authorization header. */
  MISSING_AUTHORIZATION(4033, 401, false),
  /** The JWT has expired. */
  EXPIRED(4305, 401, false),
  /**
   * Too many failed password checks of this account or from this address: refused without a check,
   * with {@code Retry-After}. The privacyIDEA code of an authentication failure, so that clients
   * treat it as one.
   */
  THROTTLED(4031, 429, false),
  /** The server cannot answer now (for example, the database is away). */
  UNAVAILABLE(503, 503, false),
  /** Anything unexpected; details go to the server log only. */
  INTERNAL(500, 500, false);

  private final int code;
  private final int status;
  private final boolean prefixed;

  ErrorCode(int code, int status, boolean prefixed) {
    this.code = code;
    this.status = status;
    this.prefixed = prefixed;
  }

  public int code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String format(String message) {
    return prefixed ? "ERR" + code + ": " + message : message;
  }
}
