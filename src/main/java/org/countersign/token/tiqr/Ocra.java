package org.countersign.token.tiqr;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OCRA, the OATH Challenge-Response Algorithm of RFC 6287: {@code OCRA = Truncate(HMAC(K,
 * DataInput))}, where DataInput is the suite text, a zero byte, then the counter (8 bytes), the
 * question (128 bytes), the PIN hash, the session information and the time steps (8 bytes), each
 * only if the suite asks for it (RFC 6287, section 5).
 *
 * <p>Inputs are checked against the suite: every challenge must have 1 to {@link
 * OcraSuite#questionLength()} characters of the suite's format, and the counter, PIN, session
 * information and time must be given exactly when the suite uses them. Violations throw {@link
 * IllegalArgumentException}.
 *
 * <p>Usage (tiqr):
 *
 * <pre>{@code
 * OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QH10-S");
 * OcraInput input = OcraInput.builder().question(challenge).sessionHex(sessionKey).build();
 * boolean ok = Ocra.verify(suite, secret, input, responseFromPhone);
 * }</pre>
 */
public final class Ocra {

  private static final int QUESTION_BYTES = 128;

  private Ocra() {}

  /**
   * Computes the OCRA response.
   *
   * @param suite the suite
   * @param key the shared secret (raw bytes, not empty)
   * @param input the question and the other values the suite requires
   * @return the response: decimal, left-padded with zeros to {@link OcraSuite#digits()} characters,
   *     or the full decimal value of the truncated code if digits is 0
   * @throws IllegalArgumentException if an argument is missing or does not fit the suite
   */
  public static String compute(OcraSuite suite, byte[] key, OcraInput input) {
    require(suite != null, "OCRA suite must not be null");
    require(key != null && key.length > 0, "OCRA key must not be empty");
    require(input != null, "OCRA input must not be null");

    byte[] hmac = hmac(suite.hmacAlgorithm(), key, dataInput(suite, input));
    int offset = hmac[hmac.length - 1] & 0x0f;
    int code =
        ((hmac[offset] & 0x7f) << 24)
            | ((hmac[offset + 1] & 0xff) << 16)
            | ((hmac[offset + 2] & 0xff) << 8)
            | (hmac[offset + 3] & 0xff);
    int digits = suite.digits();
    if (digits == 0) {
      return Integer.toString(code);
    }
    long value = code % BigInteger.TEN.pow(digits).longValueExact();
    StringBuilder response = new StringBuilder(Long.toString(value));
    while (response.length() < digits) {
      response.insert(0, '0');
    }
    return response.toString();
  }

  /**
   * Checks a response in constant time (for responses of the expected length).
   *
   * @param response the response to check; null never matches
   * @return whether {@code response} equals {@link #compute(OcraSuite, byte[], OcraInput)}
   * @throws IllegalArgumentException as {@link #compute(OcraSuite, byte[], OcraInput)}
   */
  public static boolean verify(OcraSuite suite, byte[] key, OcraInput input, String response) {
    String expected = compute(suite, key, input);
    if (response == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), response.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] dataInput(OcraSuite suite, OcraInput input) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(suite.text().getBytes(StandardCharsets.US_ASCII));
    data.write(0);

    if (suite.usesCounter()) {
      require(input.counter().isPresent(), "Suite " + suite + " needs a counter");
      data.writeBytes(longBytes(input.counter().getAsLong()));
    } else {
      require(input.counter().isEmpty(), "Suite " + suite + " does not use a counter");
    }

    data.writeBytes(question(suite, input.questions()));

    if (suite.usesPin()) {
      data.writeBytes(pinHash(suite, input));
    } else {
      require(
          input.pin().isEmpty() && input.pinHash().isEmpty(),
          "Suite " + suite + " does not use a PIN");
    }

    if (suite.sessionLength() > 0) {
      byte[] session =
          input
              .session()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Suite " + suite + " needs session information"));
      require(
          session.length <= suite.sessionLength(),
          "Session information of "
              + session.length
              + " bytes exceeds the suite's "
              + suite.sessionLength());
      data.writeBytes(new byte[suite.sessionLength() - session.length]);
      data.writeBytes(session);
    } else {
      require(input.session().isEmpty(), "Suite " + suite + " does not use session information");
    }

    if (suite.timeStepSeconds() > 0) {
      long steps;
      if (input.timeSteps().isPresent()) {
        steps = input.timeSteps().getAsLong();
      } else {
        require(input.time().isPresent(), "Suite " + suite + " needs a time");
        steps = input.time().get().getEpochSecond() / suite.timeStepSeconds();
      }
      data.writeBytes(longBytes(steps));
    } else {
      require(
          input.timeSteps().isEmpty() && input.time().isEmpty(),
          "Suite " + suite + " does not use a time");
    }
    return data.toByteArray();
  }

  private static byte[] question(OcraSuite suite, List<String> questions) {
    StringBuilder joined = new StringBuilder();
    for (String q : questions) {
      require(!q.isEmpty(), "OCRA question must not be empty");
      require(
          q.length() <= suite.questionLength(),
          "OCRA question has "
              + q.length()
              + " characters; suite "
              + suite
              + " allows at most "
              + suite.questionLength());
      for (int i = 0; i < q.length(); i++) {
        require(
            fits(suite.questionFormat(), q.charAt(i)),
            "OCRA question contains '"
                + q.charAt(i)
                + "', not allowed for format "
                + suite.questionFormat());
      }
      joined.append(q);
    }
    byte[] out = new byte[QUESTION_BYTES];
    switch (suite.questionFormat()) {
      case A -> {
        byte[] ascii = joined.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, out, 0, ascii.length);
      }
      case N -> putNibbles(new BigInteger(joined.toString()).toString(16), out);
      case H -> putNibbles(joined.toString(), out);
    }
    return out;
  }

  private static boolean fits(OcraSuite.QuestionFormat format, char c) {
    boolean digit = c >= '0' && c <= '9';
    return switch (format) {
      case N -> digit;
      case H -> OcraInput.Hex.nibble(c) >= 0;
      case A -> digit || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    };
  }

  /** Writes hex digits left-aligned into {@code out}; the rest stays zero (right padding). */
  private static void putNibbles(String hex, byte[] out) {
    require(hex.length() <= 2 * out.length, "OCRA question does not fit in 128 bytes");
    for (int i = 0; i < hex.length(); i++) {
      int nibble = OcraInput.Hex.nibble(hex.charAt(i));
      out[i / 2] |= (byte) (i % 2 == 0 ? nibble << 4 : nibble);
    }
  }

  private static byte[] pinHash(OcraSuite suite, OcraInput input) {
    String algorithm = suite.pinHashAlgorithm().orElseThrow();
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + algorithm, e);
    }
    if (input.pin().isPresent()) {
      return digest.digest(input.pin().get().getBytes(StandardCharsets.UTF_8));
    }
    byte[] hash =
        input
            .pinHash()
            .orElseThrow(
                () -> new IllegalArgumentException("Suite " + suite + " needs a PIN or PIN hash"));
    require(
        hash.length == digest.getDigestLength(),
        "PIN hash has "
            + hash.length
            + " bytes; "
            + algorithm
            + " gives "
            + digest.getDigestLength());
    return hash;
  }

  private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot compute " + algorithm, e);
    }
  }

  private static byte[] longBytes(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
