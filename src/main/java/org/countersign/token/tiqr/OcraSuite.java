package org.countersign.token.tiqr;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A parsed, immutable OCRA suite (RFC 6287, section 6): the text that fixes every option of an OCRA
 * computation.
 *
 * <p>Accepted grammar (case-sensitive, upper case as in the RFC):
 *
 * <pre>
 * OCRA-1:HOTP-&lt;SHA1|SHA256|SHA512&gt;-&lt;t&gt;:[C-]Q&lt;A|N|H&gt;&lt;nn&gt;[-P&lt;SHA1|SHA256|SHA512&gt;][-S[nnn]][-T&lt;n&gt;&lt;S|M|H&gt;]
 * </pre>
 *
 * where {@code t} is {@code 0} (no truncation) or {@code 4..10}, {@code nn} is {@code 04..64},
 * {@code nnn} is {@code 001..512} (a bare {@code S} means {@code S064}), and the time step is 1-59
 * seconds, 1-59 minutes or 1-48 hours.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QH10-S");
 * String challenge = suite.randomQuestion(new SecureRandom()); // e.g. "3fa09c21be"
 * int length = suite.sessionLength();                          // 64
 * }</pre>
 */
public final class OcraSuite implements java.io.Serializable {

  /** The format of the challenge question, the letter after {@code Q} in the suite. */
  public enum QuestionFormat {
    /** Alphanumeric: ASCII letters and digits. */
    A,
    /** Numeric: decimal digits. */
    N,
    /** Hexadecimal: digits and letters a-f, either case. */
    H
  }

  private static final String PREFIX = "OCRA-1";
  private static final String ALPHANUMERICS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String HEX_DIGITS = "0123456789abcdef";

  private final String text;
  private final String hmacAlgorithm;
  private final int digits;
  private final boolean usesCounter;
  private final QuestionFormat questionFormat;
  private final int questionLength;
  private final String pinHashAlgorithm;
  private final int sessionLength;
  private final long timeStepSeconds;

  private OcraSuite(
      String text,
      String hmacAlgorithm,
      int digits,
      boolean usesCounter,
      QuestionFormat questionFormat,
      int questionLength,
      String pinHashAlgorithm,
      int sessionLength,
      long timeStepSeconds) {
    this.text = text;
    this.hmacAlgorithm = hmacAlgorithm;
    this.digits = digits;
    this.usesCounter = usesCounter;
    this.questionFormat = questionFormat;
    this.questionLength = questionLength;
    this.pinHashAlgorithm = pinHashAlgorithm;
    this.sessionLength = sessionLength;
    this.timeStepSeconds = timeStepSeconds;
  }

  /**
   * Parses an OCRA suite.
   *
   * @param text the suite, for example {@code OCRA-1:HOTP-SHA1-6:QH10-S}
   * @return the parsed suite
   * @throws IllegalArgumentException if {@code text} is null or not a valid suite
   */
  public static OcraSuite parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("OCRA suite must not be null");
    }
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw invalid(text, "expected three ':'-separated parts");
    }
    if (!PREFIX.equals(parts[0])) {
      throw invalid(text, "algorithm must be '" + PREFIX + "'");
    }

    String[] crypto = parts[1].split("-", -1);
    if (crypto.length != 3 || !"HOTP".equals(crypto[0])) {
      throw invalid(text, "crypto function must look like HOTP-SHA1-6");
    }
    digestName(text, crypto[1], "HOTP");
    String hmac = "Hmac" + crypto[1];
    int digits = parseDigits(text, crypto[2]);

    String[] data = parts[2].split("-", -1);
    int i = 0;
    boolean counter = false;
    if (i < data.length && "C".equals(data[i])) {
      counter = true;
      i++;
    }
    if (i >= data.length || !data[i].matches("Q[ANH][0-9]{2}")) {
      throw invalid(text, "data input must contain a question like QN08, QA10 or QH40");
    }
    QuestionFormat format = QuestionFormat.valueOf(data[i].substring(1, 2));
    int questionLength = Integer.parseInt(data[i].substring(2));
    if (questionLength < 4 || questionLength > 64) {
      throw invalid(text, "question length must be between 04 and 64");
    }
    i++;

    String pinHash = null;
    if (i < data.length && data[i].startsWith("P")) {
      pinHash = digestName(text, data[i].substring(1), "PIN");
      i++;
    }
    int session = 0;
    if (i < data.length && data[i].startsWith("S")) {
      session = parseSession(text, data[i]);
      i++;
    }
    long step = 0;
    if (i < data.length && data[i].startsWith("T")) {
      step = parseTimeStep(text, data[i]);
      i++;
    }
    if (i < data.length) {
      throw invalid(
          text,
          "unexpected data input '"
              + data[i]
              + "' (allowed after the question, in this order: P, S, T)");
    }
    return new OcraSuite(
        text, hmac, digits, counter, format, questionLength, pinHash, session, step);
  }

  private static String digestName(String text, String token, String where) {
    return switch (token) {
      case "SHA1" -> "SHA-1";
      case "SHA256" -> "SHA-256";
      case "SHA512" -> "SHA-512";
      default ->
          throw invalid(text, where + " hash must be SHA1, SHA256 or SHA512, not '" + token + "'");
    };
  }

  private static int parseDigits(String text, String value) {
    if (!value.matches("0|[4-9]|10")) {
      throw invalid(text, "truncation must be 0 or 4..10 digits, not '" + value + "'");
    }
    return Integer.parseInt(value);
  }

  private static int parseSession(String text, String token) {
    if ("S".equals(token)) {
      return 64;
    }
    if (!token.matches("S[0-9]{3}")) {
      throw invalid(text, "session part must be S or S followed by three digits, like S064");
    }
    int length = Integer.parseInt(token.substring(1));
    if (length < 1 || length > 512) {
      throw invalid(text, "session length must be between 001 and 512");
    }
    return length;
  }

  private static long parseTimeStep(String text, String token) {
    if (!token.matches("T[1-9][0-9]?[SMH]")) {
      throw invalid(text, "time step must look like T30S, T1M or T48H, not '" + token + "'");
    }
    int amount = Integer.parseInt(token.substring(1, token.length() - 1));
    char unit = token.charAt(token.length() - 1);
    int max = unit == 'H' ? 48 : 59;
    if (amount > max) {
      throw invalid(text, "time step " + token + " out of range (1-59 S, 1-59 M, 1-48 H)");
    }
    long unitSeconds = unit == 'S' ? 1 : unit == 'M' ? 60 : 3600;
    return amount * unitSeconds;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("Invalid OCRA suite '" + text + "': " + reason);
  }

  /**
   * @return the suite exactly as parsed
   */
  public String text() {
    return text;
  }

  /**
   * @return the {@link javax.crypto.Mac} algorithm name, e.g. {@code HmacSHA1}
   */
  public String hmacAlgorithm() {
    return hmacAlgorithm;
  }

  /**
   * @return the number of response digits; 0 means the untruncated decimal value
   */
  public int digits() {
    return digits;
  }

  /**
   * @return whether the data input contains a counter ({@code C})
   */
  public boolean usesCounter() {
    return usesCounter;
  }

  /**
   * @return the format of the challenge question
   */
  public QuestionFormat questionFormat() {
    return questionFormat;
  }

  /**
   * @return the maximum length of one challenge question, 4..64 characters
   */
  public int questionLength() {
    return questionLength;
  }

  /**
   * @return the {@link java.security.MessageDigest} name used to hash the PIN (e.g. {@code SHA-1}),
   *     or empty if the suite has no {@code P} part
   */
  public Optional<String> pinHashAlgorithm() {
    return Optional.ofNullable(pinHashAlgorithm);
  }

  /**
   * @return whether the data input contains a hashed PIN ({@code P})
   */
  public boolean usesPin() {
    return pinHashAlgorithm != null;
  }

  /**
   * @return the session information length in bytes, or 0 if the suite has no {@code S}
   */
  public int sessionLength() {
    return sessionLength;
  }

  /**
   * @return the time step in seconds, or 0 if the suite has no {@code T} part
   */
  public long timeStepSeconds() {
    return timeStepSeconds;
  }

  /**
   * Creates a random challenge of exactly {@link #questionLength()} characters in this suite's
   * format: decimal digits for {@code N}, <em>lower-case</em> hexadecimal digits for {@code H}, and
   * ASCII letters (both cases) and digits for {@code A}.
   *
   * @param random the source of randomness; pass a {@link java.security.SecureRandom} for real
   *     challenges
   * @return the challenge
   */
  public String randomQuestion(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    String alphabet =
        switch (questionFormat) {
          case N -> HEX_DIGITS.substring(0, 10);
          case H -> HEX_DIGITS;
          case A -> ALPHANUMERICS;
        };
    StringBuilder question = new StringBuilder(questionLength);
    for (int k = 0; k < questionLength; k++) {
      question.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return question.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OcraSuite suite && suite.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
