package org.countersign.token.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Capability of a type whose token can drift from the server: finds two consecutive codes in a wide
 * window and tells the core the counter to continue from, and any public parameters to update (such
 * as a clock shift).
 */
public interface Resynchronizer {

  /**
   * The new last accepted counter and info updates, or empty when the two codes are not
   * consecutive.
   */
  Optional<Resync> resync(OtpToken token, String otp1, String otp2, Instant now);

  /**
   * How far a resynchronisation searches, as privacyIDEA's {@code sync_window} field reports it.
   */
  int syncWindow();

  /** The outcome of a successful resynchronisation. */
  record Resync(long counter, Map<String, String> infoUpdates) {}
}
