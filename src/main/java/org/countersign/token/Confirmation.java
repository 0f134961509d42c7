package org.countersign.token;

/** The outcome of confirming a new token with its first code. */
public enum Confirmation {
  /** The code was right: the token is now usable. */
  CONFIRMED,
  /**
   * The code was wrong, reused or came during a lock-out delay: counted as a failure, the token
   * still waits.
   */
  REJECTED
}
