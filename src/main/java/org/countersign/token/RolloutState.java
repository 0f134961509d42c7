package org.countersign.token;

import java.util.Optional;

/**
 * Rollout states, stored and reported under privacyIDEA's names. A token authenticates only when
 * its state is usable: done ({@code ""}) or {@code enrolled}.
 */
public enum RolloutState {

  /** Fully set up. */
  DONE(""),

  /** Waiting for the first code to confirm the enrolment. */
  VERIFY("verify"),

  /** Waiting for a smartphone app to register. */
  CLIENT_WAIT("clientwait"),

  /** A smartphone app registered its secret. */
  ENROLLED("enrolled");

  private final String apiName;

  RolloutState(String apiName) {
    this.apiName = apiName;
  }

  /** The name privacyIDEA's API reports and the database stores. */
  public String apiName() {
    return apiName;
  }

  public boolean isUsable() {
    return this == DONE || this == ENROLLED;
  }

  public static Optional<RolloutState> fromApiName(String name) {
    for (RolloutState s : values()) {
      if (s.apiName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
