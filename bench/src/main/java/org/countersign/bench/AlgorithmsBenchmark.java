package org.countersign.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.countersign.token.tiqr.Ocra;
import org.countersign.token.tiqr.OcraInput;
import org.countersign.token.tiqr.OcraSuite;
import org.countersign.token.totp.HashAlgorithm;
import org.countersign.token.totp.Hotp;
import org.countersign.token.totp.Totp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the verification algorithms cost on their own, next to one bare HMAC-SHA1, using the
 * server's own classes (compiled from ../src/main/java). The loops mirror {@code
 * CounterSearch.find}: every counter of the window is computed whether or not one matched, so a
 * wrong code costs the same as a right one.
 *
 * <ul>
 *   <li>{@code hmacSha1Reused}: one HMAC-SHA1 over 8 bytes with an initialised {@link Mac}: the
 *       floor.
 *   <li>{@code hmacSha1NewMac}: {@code Mac.getInstance} + {@code init} + {@code doFinal}, what
 *       {@link Hotp} does per counter.
 *   <li>{@code hotpVerifyWindow10}: a check over the HOTP look-ahead (10 counters, the default).
 *   <li>{@code totpVerifyWindow1}: a check over the current time step and one either side (3
 *       steps).
 *   <li>{@code ocraVerify}: a tiqr answer, suite {@code OCRA-1:HOTP-SHA1-6:QH10-S}, input built as
 *       the server does.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AlgorithmsBenchmark {

  static final int HOTP_LOOKAHEAD = 10;
  static final int TOTP_WINDOW = 1;

  private final byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private final byte[] ocraKey =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private final Hotp hotp = new Hotp(HashAlgorithm.SHA1, 6);
  private final Totp totp = new Totp(new Hotp(HashAlgorithm.SHA1, 6), 30);
  private final OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QH10-S");
  private final String question = "3fa09c21be";
  private final String sessionKey =
      "9b1c4e0d5a7f3e2b8c6d1a0f4e3b2c5d9b1c4e0d5a7f3e2b8c6d1a0f4e3b2c5d";
  private Mac mac;
  private long lastCounter;
  private String hotpCode;
  private String totpCode;
  private String ocraResponse;

  @Setup
  public void setUp() throws GeneralSecurityException {
    mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key, "HmacSHA1"));
    lastCounter = 41;
    hotpCode = hotp.at(key, lastCounter + 5);
    totpCode = totp.at(key, Instant.now());
    OcraInput input = OcraInput.builder().question(question).sessionHex(sessionKey).build();
    ocraResponse = Ocra.compute(suite, ocraKey, input);
  }

  @Benchmark
  public byte[] hmacSha1Reused() {
    return mac.doFinal(ByteBuffer.allocate(8).putLong(lastCounter).array());
  }

  @Benchmark
  public byte[] hmacSha1NewMac() throws GeneralSecurityException {
    Mac m = Mac.getInstance("HmacSHA1");
    m.init(new SecretKeySpec(key, "HmacSHA1"));
    return m.doFinal(ByteBuffer.allocate(8).putLong(lastCounter).array());
  }

  @Benchmark
  public long hotpVerifyWindow10() {
    return search(hotp, hotpCode, lastCounter + 1, lastCounter + HOTP_LOOKAHEAD);
  }

  @Benchmark
  public long totpVerifyWindow1() {
    long current = totp.stepAt(Instant.now(), 0);
    return search(totp.hotp(), totpCode, current - TOTP_WINDOW, current + TOTP_WINDOW);
  }

  @Benchmark
  public boolean ocraVerify() {
    OcraInput input = OcraInput.builder().question(question).sessionHex(sessionKey).build();
    return Ocra.verify(suite, ocraKey, input, ocraResponse);
  }

  /** As {@code CounterSearch.find}: computes every counter, returns the first fresh match or -1. */
  private long search(Hotp h, String otp, long first, long last) {
    long fresh = -1;
    for (long c = Math.max(0, first); c <= last; c++) {
      if (h.matches(key, c, otp) && c > lastCounter && fresh < 0) {
        fresh = c;
      }
    }
    return fresh;
  }
}
