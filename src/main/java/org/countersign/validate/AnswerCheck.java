package org.countersign.validate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.challenge.Challenge;
import org.countersign.challenge.ChallengeService;
import org.countersign.token.Lockout;
import org.countersign.token.Token;
import org.countersign.token.TokenRepository;
import org.countersign.token.TokenSecrets;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.AnswerVerifier;
import org.countersign.token.spi.ChallengeAnswers;
import org.countersign.token.spi.OtpToken;

/**
 * The authentication decision for an answer an app posts to a challenge, the same as for a typed
 * code: a disabled or locked token takes no answer, one inside its lock-out delay has the answer
 * counted as a failure unchecked, a wrong answer is a failure; a right one marks the challenge
 * answered, once. The type only checks the answer ({@link AnswerVerifier}).
 */
@ApplicationScoped
public class AnswerCheck implements ChallengeAnswers {

  @Inject ChallengeService challenges;
  @Inject TokenRepository tokens;
  @Inject TokenTypes types;
  @Inject TokenSecrets secrets;
  @Inject Lockout lockout;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Override
  @Transactional
  public Optional<Open> open(String type, String sessionKey) {
    Optional<Challenge> challenge =
        challenges.bySessionKey(sessionKey).filter(c -> type.equals(c.type()) && !c.answered());
    return challenge.flatMap(
        c -> tokens.bySerial(c.serial()).map(t -> new ChallengeAnswers.Open(c, t)));
  }

  @Override
  @Transactional
  public Outcome answer(Open open, String response, Origin origin) {
    Token token = open.token();
    AuditEntry entry =
        audit
            .entry(token.type() + "_authentication", origin)
            .user(token.realm().orElse(null), token.username().orElse(null))
            .token(token.serial(), token.type());
    Lockout.State state = lockout.state(token, clock.instant());
    if (!token.usable() || state == Lockout.State.LOCKED) {
      audit.write(
          entry.outcome(false, "ACCOUNT_BLOCKED", token.usable() ? "failcounter exceeded" : null));
      return new Outcome(Outcome.Kind.BLOCKED, 0);
    }
    // Inside the delay the answer is not checked: it is a failure like a wrong one, and answered
    // alike.
    if (state == Lockout.State.OPEN && verifies(token, open.challenge(), response)) {
      boolean won = challenges.markAnswered(open.challenge());
      audit.write(
          entry.outcome(
              won,
              won ? "OK" : "INVALID_CHALLENGE",
              won ? "challenge answered" : "answered twice"));
      return new Outcome(won ? Outcome.Kind.ACCEPTED : Outcome.Kind.ALREADY_ANSWERED, 0);
    }
    tokens.recordFailure(List.of(token));
    Token after = tokens.refreshed(token);
    int left = Math.max(0, after.maxFail() - after.failCount());
    audit.write(
        entry.outcome(
            false,
            "INVALID_RESPONSE",
            state == Lockout.State.OPEN ? "wrong response" : "too soon after failures"));
    return new Outcome(Outcome.Kind.REJECTED, left);
  }

  private boolean verifies(Token token, Challenge challenge, String response) {
    Optional<AnswerVerifier> verifier = types.capability(token.type(), AnswerVerifier.class);
    Optional<OtpToken> opened = verifier.isPresent() ? secrets.open(token) : Optional.empty();
    if (opened.isEmpty()) {
      return false;
    }
    try {
      return verifier
          .get()
          .verifies(opened.get(), challenge.data(), challenge.sessionKey(), response);
    } finally {
      Arrays.fill(opened.get().seed(), (byte) 0);
    }
  }
}
