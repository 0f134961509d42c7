package org.countersign.validate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.countersign.token.Token;

/** The challenge-response part of a check: opening challenges with a PIN, and finalising answered ones. */
@ApplicationScoped
public class ChallengeStep {

  /** Challenges for the tokens whose PIN is the whole pass, if any token type issues them. */
  Optional<Verdict> trigger(List<Token> usable, String pass, ValidationService.Attempt attempt) {
    return Optional.empty();
  }

  /** Accepts once when a challenge of this transaction was answered for one of the tokens. */
  Verdict finalise(String transactionId, List<Token> owned, ValidationService.Attempt attempt) {
    return attempt.reject("unknown transaction");
  }
}
