package org.countersign.token.totp;

import java.time.Instant;

/**
 * TOTP (RFC 6238): HOTP over the number of whole time steps since the Unix epoch, T0 = 0.
 *
 * <pre>{@code
 * Totp totp = new Totp(new Hotp(HashAlgorithm.SHA1, 8), 30);
 * totp.at(key, Instant.ofEpochSecond(59));   // "94287082"
 * }</pre>
 */
public final class Totp {

  private final Hotp hotp;
  private final int stepSeconds;

  public Totp(Hotp hotp, int stepSeconds) {
    if (stepSeconds <= 0) {
      throw new IllegalArgumentException("the time step must be positive");
    }
    this.hotp = hotp;
    this.stepSeconds = stepSeconds;
  }

  /** The time step an instant falls in, after adding a clock shift in seconds. */
  public long stepAt(Instant time, long shiftSeconds) {
    return Math.floorDiv(time.getEpochSecond() + shiftSeconds, stepSeconds);
  }

  public String at(byte[] key, Instant time) {
    return hotp.at(key, stepAt(time, 0));
  }

  public Hotp hotp() {
    return hotp;
  }

  public int stepSeconds() {
    return stepSeconds;
  }
}
