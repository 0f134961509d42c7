package org.countersign.validate;

import java.util.List;
import org.countersign.challenge.IssuedChallenge;

/**
 * The outcome of an authentication. A wrong PIN, a wrong code, a replayed code, an unknown user and
 * any code for a locked token are all the same {@link Rejected}; only the audit trail tells them
 * apart.
 */
public sealed interface Verdict {

  /** A code was accepted for this token. */
  record Accepted(String serial, String type, int otpLen) implements Verdict {}

  /**
   * A signed answer was accepted from the credential of this token, which names its owner: the
   * client did not have to say who signs in.
   */
  record Identified(String serial, String type, String realm, String username) implements Verdict {}

  /**
   * Accepted without a token, because a policy lets users without tokens ({@code passOnNoToken}) or
   * unknown users ({@code passOnNoUser}) pass; the message names the policy, as privacyIDEA's does.
   */
  record Passed(String message) implements Verdict {}

  /** Not accepted, for whatever reason; the answer reveals nothing more. */
  record Rejected() implements Verdict {}

  /** The PIN opened challenges; the client shows them and waits for the answer. */
  record Challenged(String transactionId, List<IssuedChallenge> challenges) implements Verdict {}

  static Verdict rejected() {
    return new Rejected();
  }
}
