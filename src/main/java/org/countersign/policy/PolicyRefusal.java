package org.countersign.policy;

import org.countersign.error.Reason;

/** The policies that match the caller do not allow what they asked for. */
public class PolicyRefusal extends PolicyException {

  public PolicyRefusal(String message) {
    super(Reason.POLICY, message);
  }
}
