package org.countersign.directory;

import org.countersign.error.DomainException;
import org.countersign.error.Reason;

/**
 * The directory could not answer (no server reachable, a timeout, a refused service bind): a check
 * of its users fails with this, never with an accept or a plain reject.
 */
public class DirectoryException extends DomainException {

  public DirectoryException(String message) {
    super(Reason.UNAVAILABLE, message);
  }
}
