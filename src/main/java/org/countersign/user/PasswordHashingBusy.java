package org.countersign.user;

/**
 * Every password-hashing slot is taken and the queue is full: the caller should try again in a
 * moment.
 */
public class PasswordHashingBusy extends RuntimeException {

  public PasswordHashingBusy() {
    super("Too many password checks at once", null, false, false);
  }
}
