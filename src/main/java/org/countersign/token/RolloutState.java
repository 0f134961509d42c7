package org.countersign.token;

/**
 * Rollout states as the privacyIDEA API names them. A token authenticates only when its state is
 * usable: done ({@code ""}) or {@code enrolled}.
 */
public final class RolloutState {

  /** Fully set up. */
  public static final String DONE = "";

  /** Waiting for the first code to confirm the enrolment. */
  public static final String VERIFY = "verify";

  /** Waiting for a smartphone app to register. */
  public static final String CLIENT_WAIT = "clientwait";

  /** A smartphone app registered its secret. */
  public static final String ENROLLED = "enrolled";

  private RolloutState() {}

  public static boolean isUsable(String state) {
    return DONE.equals(state) || ENROLLED.equals(state);
  }
}
