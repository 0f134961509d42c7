package org.countersign.policy;

/** No policy has this name. */
public class UnknownPolicy extends PolicyException {

  public UnknownPolicy(String name) {
    super("The policy " + name + " does not exist.");
  }
}
