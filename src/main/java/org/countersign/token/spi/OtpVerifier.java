package org.countersign.token.spi;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Capability of a type whose codes a person types in: finds which counter (an HOTP counter, a TOTP
 * time step) an OTP belongs to. The core then moves the token's last accepted counter forward
 * atomically, which is what stops a code from being used twice.
 *
 * <pre>{@code
 * types.capability(token.type(), OtpVerifier.class)
 *     .flatMap(v -> box(v.match(otpToken, "287082", clock.instant())));
 * }</pre>
 */
public interface OtpVerifier {

  /**
   * The counter the code belongs to, searched in the type's window; empty when no counter matches.
   * A match at or below {@link OtpToken#lastCounter()} is returned as well, so that the core can
   * record it as a replay. Comparisons are constant-time.
   */
  OptionalLong match(OtpToken token, String otp, Instant now);

  /**
   * How many counters (or time steps) a check tries, as privacyIDEA's {@code count_window} field
   * reports it.
   */
  int countWindow();
}
