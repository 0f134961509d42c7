package org.countersign.error;

/**
 * Why a request cannot be answered normally, in the domain's own words. The transport decides what
 * each reason looks like on the wire (the API maps it to privacyIDEA's error code and an HTTP
 * status, in one place).
 */
public enum Reason {
  /** A parameter is missing, malformed, out of range or too long. */
  PARAMETER,
  /** The named user or realm does not exist (admin requests only; checks never tell). */
  USER,
  /** A token administration request cannot be carried out in the token's state. */
  TOKEN_ADMIN,
  /** A configuration value (such as a policy's client range) is malformed. */
  CONFIG,
  /** Policies forbid this, or contradict each other. */
  POLICY,
  /** The caller may not do this. */
  FORBIDDEN,
  /** The addressed thing (a serial, a policy, a path) does not exist. */
  NOT_FOUND,
  /** The request is larger than the server accepts. */
  TOO_LARGE,
  /** The request's method is not supported for what it addresses. */
  METHOD_NOT_ALLOWED,
  /** Wrong user name or password, or an invalid session token. */
  WRONG_CREDENTIALS,
  /** The request carries no credentials where they are required. */
  MISSING_AUTHORIZATION,
  /** The caller's session token has expired. */
  EXPIRED,
  /** Too many failed attempts: refused without a check, to be retried later. */
  THROTTLED,
  /** The server cannot answer now (for example, the database is away). */
  UNAVAILABLE,
  /** Anything unexpected. */
  INTERNAL
}
