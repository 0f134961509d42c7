package org.countersign.it;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;
import org.countersign.token.totp.HashAlgorithm;
import org.countersign.token.totp.Hotp;
import org.countersign.token.totp.Totp;

/** Computes codes the way an authenticator app would, from the otpauth URI it scanned. */
public final class Codes {

  private final byte[] seed;
  private final HashAlgorithm hash;
  private final int digits;
  private final int period;

  private Codes(byte[] seed, HashAlgorithm hash, int digits, int period) {
    this.seed = seed;
    this.hash = hash;
    this.digits = digits;
    this.period = period;
  }

  public static Codes fromOtpauth(String uri) {
    Map<String, String> q = new HashMap<>();
    for (String pair : URI.create(uri).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    byte[] seed = new Base32().decode(q.get("secret"));
    HashAlgorithm h = HashAlgorithm.fromApiName(q.getOrDefault("algorithm", "SHA1")).orElseThrow();
    return new Codes(
        seed,
        h,
        Integer.parseInt(q.getOrDefault("digits", "6")),
        Integer.parseInt(q.getOrDefault("period", "30")));
  }

  /**
   * HOTP with the RFC 4226 test key, ASCII "12345678901234567890" (hex
   * 3132333435363738393031323334353637383930).
   */
  public static Codes rfc4226() {
    return fromOtpauth("otpauth://hotp/rfc?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0");
  }

  public String totp(Instant at) {
    return new Totp(new Hotp(hash, digits), period).at(seed, at);
  }

  public String totpNow() {
    return totp(Instant.now());
  }

  /** The TOTP code {@code steps} time steps away from now. */
  public String totpStep(long steps) {
    return totp(Instant.now().plusSeconds(steps * period));
  }

  /**
   * Waits, if needed, until the current time step has at least {@code margin} seconds left, so that
   * a code computed now still belongs to the same step when the server checks it.
   */
  public static void awayFromStepEdge(int period, int margin) {
    long periodMillis = period * 1000L;
    long into = System.currentTimeMillis() % periodMillis;
    if (into > periodMillis - margin * 1000L) {
      try {
        Thread.sleep(periodMillis - into + 300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Like {@link #awayFromStepEdge(int, int)} for this token's period and a 5 second margin. */
  public void awayFromStepEdge() {
    awayFromStepEdge(period, 5);
  }

  public int period() {
    return period;
  }

  public String hotp(long counter) {
    return new Hotp(hash, digits).at(seed, counter);
  }

  public byte[] seed() {
    return seed.clone();
  }
}
