package org.countersign.policy;

import org.countersign.error.Reason;

/** A policy that cannot be stored as given; nothing of it was stored. */
public class InvalidPolicy extends PolicyException {

  /**
   * Which part is wrong: privacyIDEA reports a bad client range apart from the other parameters.
   */
  public enum Part {
    PARAMETER,
    CLIENT
  }

  private final Part part;

  public InvalidPolicy(Part part, String message) {
    super(part == Part.CLIENT ? Reason.CONFIG : Reason.PARAMETER, message);
    this.part = part;
  }

  public InvalidPolicy(String message) {
    this(Part.PARAMETER, message);
  }

  public Part part() {
    return part;
  }
}
