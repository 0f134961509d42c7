package org.countersign.token.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP (RFC 4226): HMAC over an 8-byte counter, dynamic truncation, modulo 10^digits. Pure and
 * immutable; TOTP is the same function over a time-step counter.
 *
 * <pre>{@code
 * Hotp hotp = new Hotp(HashAlgorithm.SHA1, 6);
 * hotp.at("12345678901234567890".getBytes(US_ASCII), 0);   // "755224"
 * }</pre>
 */
public final class Hotp {

  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private final HashAlgorithm algorithm;
  private final int digits;

  public Hotp(HashAlgorithm algorithm, int digits) {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("HOTP codes have 6 to 8 digits");
    }
    this.algorithm = algorithm;
    this.digits = digits;
  }

  public int digits() {
    return digits;
  }

  /** The code for a counter, zero-padded to the configured number of digits. */
  public String at(byte[] key, long counter) {
    byte[] hash = hmac(key, counter);
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    String code = Integer.toString(binary % POWERS[digits]);
    return "0".repeat(digits - code.length()) + code;
  }

  /** Constant-time comparison of a candidate code with the code for a counter. */
  public boolean matches(byte[] key, long counter, String candidate) {
    byte[] expected = at(key, counter).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] hmac(byte[] key, long counter) {
    try {
      Mac mac = algorithm.threadMac();
      mac.init(new SecretKeySpec(key, algorithm.macName()));
      return mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.macName() + " is not available", e);
    }
  }
}
