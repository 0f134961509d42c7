package org.countersign.token.spi;

import java.util.Map;
import org.countersign.token.Token;

/**
 * Capability of a type whose enrolment takes two requests: the first (see {@link TokenType#enrol})
 * leaves the token waiting in rollout state {@code clientwait} with a challenge it opened through
 * {@link EnrolmentContext#openChallenge}; the second brings the client's answer to that challenge
 * (for a passkey, the new credential and its attestation), which this completes.
 *
 * <p>The core finds the waiting token and its challenge, consumes the challenge once, and applies
 * the result: the public parameters, the credential key and the initial counter; the token is then
 * rolled out.
 */
public interface EnrolmentCompletion {

  /**
   * Verifies the client's answer to the enrolment {@code challenge} of {@code token}. A malformed
   * or unverifiable answer is a parameter error whose message says what is wrong.
   */
  Completed complete(Token token, String challenge, Parameters params);

  /**
   * A completed enrolment: public parameters to add, the key by which the token is found when its
   * credential answers (see {@link CredentialVerifier#credentialKey}), and the counter it starts
   * at.
   */
  record Completed(Map<String, String> info, String credentialKey, long counter) {

    public Completed {
      info = Map.copyOf(info);
    }
  }
}
