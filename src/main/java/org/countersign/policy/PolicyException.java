package org.countersign.policy;

import org.countersign.error.DomainException;
import org.countersign.error.Reason;

/** Why a policy request cannot be carried out; each kind names its own reason. */
public abstract class PolicyException extends DomainException {

  protected PolicyException(Reason reason, String message) {
    super(reason, message);
  }
}
