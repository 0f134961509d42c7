package org.countersign.challenge;

/**
 * What a challenge was opened for. A transaction is finished only for the purpose it was opened
 * with: a challenge a backend opened with a PIN alone cannot complete a sign-in, and a sign-in's
 * challenge cannot pass a backend check.
 */
public enum Purpose {
  /** A backend checks a person's second factor ({@code /validate/check}). */
  CHECK("check"),
  /** The second step of a sign-in after the password ({@code /auth}, the self-service pages). */
  SIGN_IN("signin"),
  /** The second request of a two-step enrolment ({@code /token/init}) answers it. */
  ENROLMENT("enrolment");

  private final String column;

  Purpose(String column) {
    this.column = column;
  }

  /** The value stored in the challenge table. */
  public String column() {
    return column;
  }
}
