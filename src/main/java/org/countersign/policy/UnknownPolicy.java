package org.countersign.policy;

import org.countersign.error.Reason;

/** No policy has this name. */
public class UnknownPolicy extends PolicyException {

  public UnknownPolicy(String name) {
    super(Reason.NOT_FOUND, "The policy " + name + " does not exist.");
  }
}
