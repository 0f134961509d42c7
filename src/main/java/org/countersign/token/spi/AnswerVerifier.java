package org.countersign.token.spi;

/**
 * Capability of a challenge-response type whose app answers challenges itself: checks an answer
 * against the challenge the type issued. A pure check; the core decides what the outcome means
 * (lock-out, failure count, audit), exactly as for typed codes.
 *
 * <pre>{@code
 * types.capability(token.type(), AnswerVerifier.class)
 *     .map(v -> v.verifies(opened, challenge.data(), challenge.sessionKey(), response));
 * }</pre>
 */
public interface AnswerVerifier {

  /**
   * Whether {@code response} answers the challenge {@code question} (with the session key the app
   * refers to it by) for this token. Comparisons are constant-time.
   */
  boolean verifies(OtpToken token, String question, String sessionKey, String response);
}
