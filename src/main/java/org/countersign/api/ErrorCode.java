package org.countersign.api;

import java.util.EnumMap;
import java.util.Map;
import org.countersign.error.Reason;

/**
 * Every error the API reports, one per domain {@link Reason}: the privacyIDEA error code, the HTTP
 * status and whether the message carries the {@code ERRnnn: } prefix. One code, one status, mapped
 * in one place ({@link DomainExceptionMapper}).
 */
public enum ErrorCode {
  /** A parameter is missing, malformed, out of range or too long. */
  PARAMETER(Reason.PARAMETER, 905, 400, true),
  /** The named user does not exist (admin endpoints only; /validate never tells). */
  USER(Reason.USER, 904, 400, true),
  /** A token administration request cannot be carried out. */
  TOKEN_ADMIN(Reason.TOKEN_ADMIN, 301, 400, true),
  /** A configuration value (such as a policy's client range) is malformed. */
  CONFIG(Reason.CONFIG, 302, 400, true),
  /** Policies forbid this, or contradict each other. */
  POLICY(Reason.POLICY, 303, 403, true),
  /** The caller may not do this. */
  FORBIDDEN(Reason.FORBIDDEN, 303, 403, true),
  /** The addressed resource (a serial, a user, a path) does not exist. */
  NOT_FOUND(Reason.NOT_FOUND, 601, 404, false),
  /** The request body is larger than the server accepts. */
  TOO_LARGE(Reason.TOO_LARGE, 905, 413, true),
  /** The HTTP method is not supported for this path. */
  METHOD_NOT_ALLOWED(Reason.METHOD_NOT_ALLOWED, 905, 405, true),
  /** Wrong user name or password, or an invalid JWT. */
  WRONG_CREDENTIALS(Reason.WRONG_CREDENTIALS, 4031, 401, false),
  /** No Authorization header. */
  MISSING_AUTHORIZATION(Reason.MISSING_AUTHORIZATION, 4033, 401, false),
  /** The JWT has expired. */
  EXPIRED(Reason.EXPIRED, 4305, 401, false),
  /**
   * Too many failed password checks of this account or from this address: refused without a check,
   * with {@code Retry-After}. The privacyIDEA code of an authentication failure, so that clients
   * treat it as one.
   */
  THROTTLED(Reason.THROTTLED, 4031, 429, false),
  /** The server cannot answer now (for example, the database is away). */
  UNAVAILABLE(Reason.UNAVAILABLE, 503, 503, false),
  /** Anything unexpected; details go to the server log only. */
  INTERNAL(Reason.INTERNAL, 500, 500, false);

  private static final Map<Reason, ErrorCode> BY_REASON = new EnumMap<>(Reason.class);

  static {
    for (ErrorCode code : values()) {
      BY_REASON.put(code.reason, code);
    }
  }

  private final Reason reason;
  private final int code;
  private final int status;
  private final boolean prefixed;

  ErrorCode(Reason reason, int code, int status, boolean prefixed) {
    this.reason = reason;
    this.code = code;
    this.status = status;
    this.prefixed = prefixed;
  }

  /** The wire form of a domain reason; every reason has exactly one. */
  public static ErrorCode of(Reason reason) {
    return BY_REASON.get(reason);
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
