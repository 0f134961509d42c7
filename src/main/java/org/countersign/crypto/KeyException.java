package org.countersign.crypto;

/**
 * The key material is missing, damaged or does not belong to this database: the server must not
 * start.
 */
public class KeyException extends RuntimeException {

  public KeyException(String message) {
    super(message);
  }
}
