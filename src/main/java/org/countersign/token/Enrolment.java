package org.countersign.token;

import java.util.Map;
import java.util.Optional;
import org.countersign.token.spi.Provisioning;

/**
 * A new token as its enroller sees it once: serial, type, code length, public parameters, the
 * rollout state it starts in and what to set the device or app up with.
 */
public record Enrolment(
    String serial,
    String type,
    int otpLen,
    Map<String, String> info,
    RolloutState rolloutState,
    Optional<Provisioning> provisioning) {

  /** Whether the token waits for its first code before it can be used. */
  public boolean waitsForFirstCode() {
    return rolloutState == RolloutState.VERIFY;
  }
}
