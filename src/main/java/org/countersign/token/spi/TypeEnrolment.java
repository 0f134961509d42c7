package org.countersign.token.spi;

import java.util.Map;
import java.util.Optional;
import org.countersign.token.RolloutState;

/**
 * What a token type decided while enrolling: the code length, the public parameters to store, the
 * rollout state the token starts in ({@link RolloutState#DONE}, or {@link RolloutState#CLIENT_WAIT}
 * until its app registers) and what the enroller is shown, if anything.
 */
public record TypeEnrolment(
    int otpLen,
    Map<String, String> info,
    RolloutState rolloutState,
    Optional<Provisioning> provisioning) {

  public TypeEnrolment {
    info = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
  }
}
