package org.countersign.token.spi;

import java.util.Optional;
import org.countersign.audit.Origin;
import org.countersign.challenge.Challenge;
import org.countersign.token.Token;

/**
 * Provided by the core to types whose app answers challenges at their {@link AppEndpoint}: finds
 * the open challenge an app refers to, and makes the authentication decision for its answer (the
 * token's lock-out, failure count and audit row, as for a typed code). The type then replies in its
 * app's own words.
 */
public interface ChallengeAnswers {

  /** The open, unanswered challenge of this type under the app's session key, with its token. */
  Optional<Open> open(String type, String sessionKey);

  /** Decides the answer to an open challenge and records the outcome. */
  Outcome answer(Open challenge, String response, Origin origin);

  /** An open challenge and the token it was issued for. */
  record Open(Challenge challenge, Token token) {}

  /** The decision on an answer; {@code attemptsLeft} is meaningful for {@link Kind#REJECTED}. */
  record Outcome(Kind kind, int attemptsLeft) {

    public enum Kind {
      /** Right answer: the challenge is marked answered, for the client to finalise. */
      ACCEPTED,
      /** Right answer, but the challenge was answered meanwhile. */
      ALREADY_ANSWERED,
      /** The token is disabled or locked; the answer was not checked. */
      BLOCKED,
      /** Wrong answer, or one inside the lock-out delay: counted as a failure. */
      REJECTED
    }
  }
}
