package org.countersign.auth;

/**
 * How a session was opened, carried in the JWT's {@code authtype} claim. A session of the password
 * alone is for a person who has no usable token yet (to enrol a first one); it stops working as
 * soon as they have one.
 */
public enum AuthType {
  /** The password of an account alone: an admin, or a user without a usable token. */
  PASSWORD("password"),
  /** The password and then a code or an app's answer from one of the user's tokens. */
  SECOND_FACTOR("mfa");

  private final String claim;

  AuthType(String claim) {
    this.claim = claim;
  }

  public String claim() {
    return claim;
  }

  /** The type named by a claim; a token without the claim counts as a password session. */
  public static AuthType fromClaim(String claim) {
    return SECOND_FACTOR.claim.equals(claim) ? SECOND_FACTOR : PASSWORD;
  }
}
