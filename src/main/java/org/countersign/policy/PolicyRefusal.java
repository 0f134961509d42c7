package org.countersign.policy;

/** The policies that match the caller do not allow what they asked for. */
public class PolicyRefusal extends PolicyException {

  public PolicyRefusal(String message) {
    super(message);
  }
}
