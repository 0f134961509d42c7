package org.countersign.resolver;

import org.countersign.error.Reason;

/** A resolver or realm that cannot be stored as given; nothing of it was stored. */
public class InvalidResolver extends ResolverException {

  public InvalidResolver(String message) {
    super(Reason.PARAMETER, message);
  }
}
