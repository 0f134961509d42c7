package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;
import org.countersign.auth.Caller;
import org.countersign.challenge.Challenge;
import org.countersign.challenge.ChallengeService;
import org.countersign.challenge.Purpose;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.token.spi.EnrolmentCompletion;
import org.countersign.token.spi.Parameters;

/**
 * The second request of a two-step enrolment (see {@link EnrolmentCompletion}): finds the token
 * waiting in {@code clientwait} and the challenge its first step opened, consumes the challenge
 * once, lets the type verify the client's answer and rolls the token out. Every attempt, good or
 * bad, leaves an audit row; a refused answer still uses up the challenge, so each enrolment
 * challenge is tried once.
 */
@ApplicationScoped
public class EnrolmentCompletions {

  @Inject TokenRepository tokens;
  @Inject TokenTypes types;
  @Inject ChallengeService challenges;
  @Inject AuditLog audit;

  /** Whether the token of this serial waits for the second step of its type's enrolment. */
  @Transactional
  public boolean waitsForCompletion(String serial) {
    return tokens
        .bySerial(serial)
        .filter(t -> t.rolloutState() == RolloutState.CLIENT_WAIT)
        .filter(t -> types.capability(t.type(), EnrolmentCompletion.class).isPresent())
        .isPresent();
  }

  /**
   * Completes the enrolment of {@code serial} with the client's answer to the challenge of {@code
   * transactionId}. An unknown or foreign token, a missing, expired or used challenge and an answer
   * the type refuses are errors; the refusal is audited and the challenge stays used.
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public void complete(String serial, String transactionId, Parameters params, Caller caller) {
    Token token =
        tokens
            .bySerial(serial)
            .filter(t -> caller.mayActOn(t.realm().orElse(""), t.username().orElse("")))
            .orElseThrow(() -> DomainException.tokenNotFound(serial));
    EnrolmentCompletion type =
        types
            .capability(token.type(), EnrolmentCompletion.class)
            .orElseThrow(
                () ->
                    new DomainException(
                        Reason.TOKEN_ADMIN, "This token type has no second enrolment step."));
    AuditEntry entry =
        audit
            .entry("token_init", caller.origin())
            .user(token.realm().orElse(null), token.username().orElse(null))
            .token(serial, token.type());
    if (token.rolloutState() != RolloutState.CLIENT_WAIT) {
      throw refused(entry, new DomainException(Reason.TOKEN_ADMIN, "The token is not waiting."));
    }
    Challenge challenge =
        challenges.ofTransaction(transactionId, Purpose.ENROLMENT).stream()
            .filter(c -> c.serial().equals(serial))
            .findFirst()
            .orElseThrow(
                () ->
                    refused(
                        entry,
                        new DomainException(
                            Reason.NOT_FOUND,
                            "No open enrolment challenge for transaction " + transactionId)));
    if (!challenges.close(transactionId, Purpose.ENROLMENT)) {
      throw refused(
          entry, new DomainException(Reason.NOT_FOUND, "The enrolment challenge was used."));
    }
    EnrolmentCompletion.Completed done;
    try {
      done = type.complete(token, challenge.data(), params);
    } catch (DomainException e) {
      throw refused(entry, e);
    }
    Map<String, String> info = new LinkedHashMap<>(token.info());
    info.putAll(done.info());
    if (tokens.byCredentialKey(done.credentialKey()).isPresent()
        || !tokens.complete(token, done.credentialKey(), done.counter(), info)) {
      throw refused(
          entry, DomainException.invalid("credential_id", "this credential is registered already"));
    }
    audit.write(entry.outcome(true, "OK", "enrolment completed"));
  }

  private DomainException refused(AuditEntry entry, DomainException e) {
    audit.write(entry.outcome(false, "ERROR", e.getMessage()));
    return e;
  }
}
