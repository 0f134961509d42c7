package org.countersign.policy;

import org.countersign.error.Reason;

/**
 * Policies of the same, best priority that match one request set a single-value action to different
 * values; the request is refused rather than guessed, as privacyIDEA does.
 */
public class PolicyConflict extends PolicyException {

  public PolicyConflict(String action, java.util.Collection<String> policies) {
    super(
        Reason.POLICY,
        "Contradicting " + action + " values in the policies " + String.join(", ", policies) + ".");
  }
}
