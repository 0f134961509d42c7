package org.countersign.token.spi;

import java.time.Instant;
import org.countersign.token.Token;

/**
 * Capability of a type whose authenticator proves possession by signing the server's challenge with
 * a key pair of its own (WebAuthn passkeys): instead of a code, the client posts the signed answer
 * and the id of the credential that signed it, and the core finds the token by that id.
 *
 * <p>The core keeps the challenge (one-time, with the same expiry and purge as every challenge),
 * finds the token by {@link #credentialKey}, asks {@link #verify} and then moves the token's
 * signature counter forward in one conditional statement, so that an answer whose counter does not
 * advance (a cloned authenticator) loses, on any node.
 *
 * <pre>{@code
 * types.all().stream().filter(t -> t instanceof CredentialVerifier v && v.answers(params))...
 * }</pre>
 */
public interface CredentialVerifier {

  /** Whether the parameters of a check carry this type's signed answer. */
  boolean answers(Parameters params);

  /**
   * The key under which the token of the answering credential is stored (see {@link
   * org.countersign.token.spi.EnrolmentCompletion.Completed#credentialKey}); empty when the
   * credential id is missing or malformed.
   */
  java.util.Optional<String> credentialKey(Parameters params);

  /**
   * A new challenge bound to no token, for authenticators that name their credential and user
   * themselves (a user-less sign-in): the data the core stores and what the client is shown.
   */
  ChallengeIssuer.NewChallenge unbound(Instant now);

  /**
   * Checks the signed answer in {@code params} to the stored {@code challenge} with the token's
   * public key. A pure check: the core decides what the outcome means and moves the counter.
   */
  Verification verify(Token token, String challenge, Parameters params);

  /**
   * The outcome of {@link #verify}: valid with the authenticator's signature counter ({@code 0} for
   * an authenticator that keeps none), or not, with the reason for the audit trail.
   */
  record Verification(boolean valid, long counter, String failure) {

    public static Verification valid(long counter) {
      return new Verification(true, counter, null);
    }

    public static Verification invalid(String why) {
      return new Verification(false, 0, why);
    }
  }
}
