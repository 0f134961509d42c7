package org.countersign.directory;

/**
 * The directory could not answer (no server reachable, a timeout, a refused service bind): a check
 * of its users fails with this, never with an accept or a plain reject.
 */
public class DirectoryException extends RuntimeException {

  public DirectoryException(String message) {
    super(message, null, false, false);
  }
}
