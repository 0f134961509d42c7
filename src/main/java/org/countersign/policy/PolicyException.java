package org.countersign.policy;

/** Why a policy request cannot be carried out; the API turns each kind into its error code. */
public abstract class PolicyException extends RuntimeException {

  protected PolicyException(String message) {
    super(message);
  }
}
