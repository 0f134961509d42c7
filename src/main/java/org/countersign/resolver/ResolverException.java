package org.countersign.resolver;

import org.countersign.error.DomainException;
import org.countersign.error.Reason;

/** Why a resolver or realm request cannot be carried out; each kind names its own reason. */
public abstract class ResolverException extends DomainException {

  protected ResolverException(Reason reason, String message) {
    super(reason, message);
  }
}
