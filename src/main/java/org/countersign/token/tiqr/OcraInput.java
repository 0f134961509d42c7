package org.countersign.token.tiqr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The variable data of one OCRA computation (RFC 6287, section 5.1): the challenge question plus
 * whichever of counter, PIN, session information and timestamp the {@link OcraSuite} requires.
 * Immutable; built with {@link #builder()}. Whether the values fit the suite is checked by {@link
 * Ocra#compute}, not here.
 *
 * <ul>
 *   <li><b>Question</b>: one challenge, or two for mutual challenge-response (RFC 6287, section
 *       7.3), which are concatenated in the order given; each must fit the suite on its own.
 *   <li><b>PIN</b>: either the PIN itself (hashed as UTF-8 with the suite's PIN hash) or the
 *       already computed hash as raw bytes or a hex string; not both.
 *   <li><b>Session</b>: raw bytes, at most the suite's session length; shorter values are
 *       left-padded with zero bytes. {@link Builder#sessionHex(String)} takes the same as hex,
 *       which is how tiqr carries its session key.
 *   <li><b>Time</b>: either the number of time steps since the Unix epoch, or an instant that is
 *       divided by the suite's time step; not both.
 * </ul>
 *
 * <p>Usage:
 *
 * <pre>{@code
 * OcraInput input = OcraInput.builder()
 *         .question("12345678")
 *         .counter(3)
 *         .pin("1234")
 *         .build();
 * String response = Ocra.compute(OcraSuite.parse("OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1"), key, input);
 * }</pre>
 */
public final class OcraInput {

  private final List<String> questions;
  private final Long counter;
  private final String pin;
  private final byte[] pinHash;
  private final byte[] session;
  private final Long timeSteps;
  private final Instant time;

  private OcraInput(Builder b) {
    this.questions = b.questions;
    this.counter = b.counter;
    this.pin = b.pin;
    this.pinHash = b.pinHash;
    this.session = b.session;
    this.timeSteps = b.timeSteps;
    this.time = b.time;
  }

  /**
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the challenge(s): one element, or two for mutual challenge-response
   */
  public List<String> questions() {
    return questions;
  }

  /**
   * @return the full question as it enters the computation (challenges concatenated)
   */
  public String question() {
    return String.join("", questions);
  }

  /**
   * @return the counter, if one was given
   */
  public OptionalLong counter() {
    return counter == null ? OptionalLong.empty() : OptionalLong.of(counter);
  }

  /**
   * @return the clear-text PIN, if one was given (rather than its hash)
   */
  public Optional<String> pin() {
    return Optional.ofNullable(pin);
  }

  /**
   * @return a copy of the pre-computed PIN hash, if one was given
   */
  public Optional<byte[]> pinHash() {
    return Optional.ofNullable(pinHash).map(byte[]::clone);
  }

  /**
   * @return a copy of the session information bytes (unpadded), if given
   */
  public Optional<byte[]> session() {
    return Optional.ofNullable(session).map(byte[]::clone);
  }

  /**
   * @return the number of time steps since the epoch, if given directly
   */
  public OptionalLong timeSteps() {
    return timeSteps == null ? OptionalLong.empty() : OptionalLong.of(timeSteps);
  }

  /**
   * @return the instant to derive the time steps from, if given
   */
  public Optional<Instant> time() {
    return Optional.ofNullable(time);
  }

  /** Never shows the PIN, its hash or the session information. */
  @Override
  public String toString() {
    return "OcraInput[questions="
        + questions.size()
        + ", counter="
        + (counter != null)
        + ", pin="
        + (pin != null || pinHash != null)
        + ", session="
        + (session != null)
        + ", time="
        + (timeSteps != null || time != null)
        + "]";
  }

  /** Collects the values of an {@link OcraInput}; not thread-safe, use once. */
  public static final class Builder {
    private List<String> questions;
    private Long counter;
    private String pin;
    private byte[] pinHash;
    private byte[] session;
    private Long timeSteps;
    private Instant time;

    private Builder() {}

    /** Sets a single challenge question (replacing any earlier one). */
    public Builder question(String question) {
      this.questions = List.of(Objects.requireNonNull(question, "question"));
      return this;
    }

    /**
     * Sets the two challenges of mutual challenge-response; the computation uses {@code first +
     * second}. The server answers with (client challenge, server challenge), the client with
     * (server challenge, client challenge).
     */
    public Builder mutualQuestion(String first, String second) {
      this.questions =
          List.of(Objects.requireNonNull(first, "first"), Objects.requireNonNull(second, "second"));
      return this;
    }

    /** Sets the counter; must not be negative. */
    public Builder counter(long counter) {
      if (counter < 0) {
        throw new IllegalArgumentException("OCRA counter must not be negative");
      }
      this.counter = counter;
      return this;
    }

    /** Sets the clear-text PIN; it is hashed (UTF-8) with the suite's PIN hash. */
    public Builder pin(String pin) {
      this.pin = Objects.requireNonNull(pin, "pin");
      return this;
    }

    /** Sets the already hashed PIN; its length must match the suite's PIN hash. */
    public Builder pinHash(byte[] hash) {
      this.pinHash = Objects.requireNonNull(hash, "hash").clone();
      return this;
    }

    /** Sets the already hashed PIN as a hex string, e.g. {@code 7110eda4...}. */
    public Builder pinHashHex(String hex) {
      return pinHash(Hex.decode(Objects.requireNonNull(hex, "hex"), "PIN hash"));
    }

    /**
     * Sets the session information as raw bytes; shorter than the suite's session length means
     * left-padded with zero bytes, longer is rejected by the computation.
     */
    public Builder session(byte[] session) {
      this.session = Objects.requireNonNull(session, "session").clone();
      return this;
    }

    /**
     * Sets the session information as a hex string (either case); an odd number of digits gets a
     * leading {@code 0}. Then as {@link #session(byte[])}.
     */
    public Builder sessionHex(String hex) {
      return session(Hex.decode(Objects.requireNonNull(hex, "hex"), "session"));
    }

    /** Sets the number of time steps since the Unix epoch; must not be negative. */
    public Builder timeSteps(long steps) {
      if (steps < 0) {
        throw new IllegalArgumentException("OCRA time steps must not be negative");
      }
      this.timeSteps = steps;
      return this;
    }

    /** Sets the time; the computation uses floor(epoch seconds / suite time step). */
    public Builder time(Instant time) {
      Objects.requireNonNull(time, "time");
      if (time.getEpochSecond() < 0) {
        throw new IllegalArgumentException("OCRA time must not be before the epoch");
      }
      this.time = time;
      return this;
    }

    /**
     * @return the input
     * @throws IllegalArgumentException if no question was set, or both a PIN and a PIN hash, or
     *     both time steps and a time were set
     */
    public OcraInput build() {
      if (questions == null) {
        throw new IllegalArgumentException("OCRA input needs a question");
      }
      if (pin != null && pinHash != null) {
        throw new IllegalArgumentException("Give either a PIN or a PIN hash, not both");
      }
      if (timeSteps != null && time != null) {
        throw new IllegalArgumentException("Give either time steps or a time, not both");
      }
      return new OcraInput(this);
    }
  }

  /** Hex decoding shared with {@link Ocra}. */
  static final class Hex {
    private Hex() {}

    /**
     * @return the value of an ASCII hex digit, or -1 if {@code c} is none
     */
    static int nibble(char c) {
      if (c >= '0' && c <= '9') {
        return c - '0';
      }
      if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
      }
      if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
      }
      return -1;
    }

    static byte[] decode(String hex, String what) {
      String even = hex.length() % 2 == 0 ? hex : "0" + hex;
      byte[] out = new byte[even.length() / 2];
      for (int i = 0; i < out.length; i++) {
        int hi = nibble(even.charAt(2 * i));
        int lo = nibble(even.charAt(2 * i + 1));
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException(what + " is not a hex string");
        }
        out[i] = (byte) ((hi << 4) | lo);
      }
      return out;
    }
  }
}
