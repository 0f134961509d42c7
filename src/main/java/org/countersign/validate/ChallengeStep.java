package org.countersign.validate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.countersign.challenge.ChallengeService;
import org.countersign.crypto.KeyRing;
import org.countersign.token.Token;
import org.countersign.token.TokenRepository;

/**
 * The challenge-response part of a check. A PIN that matches the whole pass of challenge-capable tokens opens a
 * challenge for each; a later check with the transaction id accepts once the token's app has answered.
 */
@ApplicationScoped
public class ChallengeStep {

  @Inject ChallengeService challenges;
  @Inject TokenRepository tokens;
  @Inject KeyRing keys;
  @Inject Clock clock;

  /** Challenges for the usable challenge-capable tokens whose PIN is the whole pass, if there are any. */
  Optional<Verdict> trigger(List<Token> usable, String pass, ValidationService.Attempt attempt) {
    List<Token> matching = usable.stream()
        .filter(challenges::canChallenge)
        .filter(t -> keys.pins().matches(pass, t.pinHash().orElse(null)))
        .toList();
    return open(matching).map(attempt::challenged);
  }

  /** Opens challenges for these tokens without a PIN, as {@code /validate/triggerchallenge} does. */
  public Optional<Verdict.Challenged> open(List<Token> tokens) {
    return challenges.open(tokens).map(o -> new Verdict.Challenged(o.transactionId(), o.challenges()));
  }

  /** Accepts once when a challenge of this transaction was answered for one of the tokens. */
  Verdict finalise(String transactionId, List<Token> owned, ValidationService.Attempt attempt) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (Token token : owned) {
      if (token.usable() && challenges.finalise(transactionId, token)) {
        if (tokens.acceptChallenge(token, now)) {
          return attempt.accept(token);
        }
        attempt.entry().token(token.serial(), token.type());
        return attempt.reject("token locked or disabled");
      }
    }
    return attempt.reject("no answered challenge for this transaction");
  }
}
