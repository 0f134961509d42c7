package org.countersign.validate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.countersign.challenge.Challenge;
import org.countersign.challenge.ChallengeService;
import org.countersign.challenge.Purpose;
import org.countersign.token.Lockout;
import org.countersign.token.Token;
import org.countersign.token.TokenRepository;

/**
 * The challenge-response part of a check. A PIN that matches the whole pass of challenge-capable
 * tokens opens a challenge for each; a later check with the transaction id accepts once the token's
 * app has answered.
 */
@ApplicationScoped
public class ChallengeStep {

  @Inject ChallengeService challenges;
  @Inject TokenRepository tokens;
  @Inject CodeMatcher codes;
  @Inject Clock clock;
  @Inject Lockout lockout;

  /**
   * Challenges for the usable tokens whose PIN is the whole pass, if there are any: of every type
   * that issues its own challenges, and of the code-checking types the {@code challenge_response}
   * policy names, which are asked for a code. Opening one counts as no failure.
   */
  Optional<Verdict> trigger(
      List<Token> usable,
      Predicate<Token> pinIsWholePass,
      Set<String> codeTypes,
      ValidationService.Attempt attempt) {
    List<Token> matching =
        usable.stream()
            .filter(
                t ->
                    challenges.canChallenge(t)
                        || (codeTypes.contains(t.type()) && codes.takesCodes(t)))
            .filter(pinIsWholePass)
            .toList();
    return open(matching, Purpose.CHECK).map(attempt::challenged);
  }

  /**
   * {@code /validate/triggerchallenge}: opens a backend's challenges without a PIN for every one of
   * these tokens that can be challenged: an app to answer, or a code to type.
   */
  public Optional<Verdict.Challenged> openOwn(List<Token> tokens) {
    return open(
        tokens.stream().filter(t -> challenges.canChallenge(t) || codes.takesCodes(t)).toList(),
        Purpose.CHECK);
  }

  /** Opens sign-in challenges for these tokens: an app to answer, or a code to type. */
  Optional<Verdict.Challenged> openForSignIn(List<Token> tokens) {
    return open(tokens, Purpose.SIGN_IN);
  }

  private Optional<Verdict.Challenged> open(List<Token> tokens, Purpose purpose) {
    return challenges
        .open(tokens, purpose)
        .map(o -> new Verdict.Challenged(o.transactionId(), o.challenges()));
  }

  /**
   * Answers a transaction of the request's purpose: accepts once for a token whose app answered its
   * challenge, or whose code the pass is. A code is accepted by the same conditional update as a
   * one-step check, so a code used once cannot answer again, and a wrong one counts as a failure of
   * the token. A token that {@link Lockout} holds answers nothing, whether its app answered or not.
   */
  Verdict finalise(String transactionId, List<Token> owned, ValidationService.Attempt attempt) {
    Purpose purpose = attempt.request().purpose();
    List<Challenge> open = challenges.ofTransaction(transactionId, purpose);
    String pass = attempt.request().pass();
    Instant at = clock.instant();
    LocalDateTime now = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    List<Token> missed = new ArrayList<>();
    List<Token> held = new ArrayList<>();
    boolean checked = false;
    for (Token token : owned) {
      Optional<Challenge> mine =
          open.stream().filter(c -> c.serial().equals(token.serial())).findFirst();
      if (mine.isEmpty() || !token.usable()) {
        continue;
      }
      attempt.entry().token(token.serial(), token.type());
      Lockout.State state = lockout.state(token, at);
      if (state != Lockout.State.OPEN) {
        held.add(token);
        if (state == Lockout.State.DELAYED) {
          missed.add(token);
        }
        continue;
      }
      checked = true;
      if (mine.get().answered() && challenges.finalise(transactionId, purpose, token)) {
        if (tokens.acceptChallenge(token, now)) {
          return attempt.accept(token);
        }
        return attempt.reject("token locked or disabled");
      }
      if (!pass.isEmpty() && codes.takesCodes(token)) {
        OptionalLong counter = codes.match(token, pass);
        if (counter.isPresent()
            && counter.getAsLong() > token.lastCounter()
            && tokens.accept(token, counter.getAsLong(), now)
            && challenges.close(transactionId, purpose)) {
          return attempt.accept(token);
        }
        missed.add(token);
      }
    }
    tokens.recordFailure(missed);
    if (!held.isEmpty() && !checked) {
      return attempt.lockedOut(held, at);
    }
    return attempt.reject(
        missed.isEmpty()
            ? "no answered challenge for this transaction"
            : "wrong code for the challenge");
  }
}
