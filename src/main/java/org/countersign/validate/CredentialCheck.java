package org.countersign.validate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.challenge.Challenge;
import org.countersign.challenge.ChallengeService;
import org.countersign.challenge.Purpose;
import org.countersign.error.DomainException;
import org.countersign.ops.Outcomes;
import org.countersign.token.Token;
import org.countersign.token.TokenRepository;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.ChallengeIssuer;
import org.countersign.token.spi.CredentialVerifier;
import org.countersign.token.spi.Parameters;

/**
 * Authentication by a signed answer (see {@link CredentialVerifier}), such as a passkey's
 * assertion: the client names no user; the credential names its token and the token its owner.
 *
 * <p>Walk-through: {@link #initialize} stores a challenge bound to no token under a new transaction
 * id. The client's authenticator signs it; {@link #check} finds the challenge of the transaction,
 * finds the token by the credential's key, lets the type verify the signature and then, in this
 * order, consumes the challenge (one statement: of two answers, one wins) and moves the token's
 * signature counter forward (one conditional statement: a counter that does not advance, as from a
 * cloned authenticator, loses). Every outcome is one audit row; a refusal is the same plain reject
 * whatever its reason. Failures do not count against the token: a signature cannot be guessed, and
 * counting would let anyone who learnt a credential id lock its owner out.
 */
@ApplicationScoped
public class CredentialCheck {

  @Inject TokenTypes types;
  @Inject TokenRepository tokens;
  @Inject ChallengeService challenges;
  @Inject AuditLog audit;
  @Inject Outcomes outcomes;
  @Inject Clock clock;

  /** A challenge opened for a user-less answer. */
  public record Initialized(
      String transactionId, String type, ChallengeIssuer.NewChallenge shown) {}

  /** Whether these check parameters are a signed answer of some type. */
  public boolean isSignedAnswer(Parameters params) {
    return verifierFor(params).isPresent();
  }

  /**
   * Opens a challenge of this type bound to no token; a type that takes no signed answers is a
   * parameter error.
   */
  @Transactional
  public Initialized initialize(String type, Purpose purpose) {
    CredentialVerifier verifier =
        types
            .capability(type, CredentialVerifier.class)
            .orElseThrow(
                () -> DomainException.invalid("type", "this type has no user-less challenges"));
    ChallengeIssuer.NewChallenge shown = verifier.unbound(clock.instant());
    return new Initialized(challenges.openUnbound(type, shown, purpose), type, shown);
  }

  /** Decides a signed answer to a challenge of {@code transactionId} opened for {@code purpose}. */
  @Transactional
  public Verdict check(String transactionId, Parameters params, Purpose purpose, Origin origin) {
    AuditEntry entry =
        audit.entry(purpose == Purpose.SIGN_IN ? "auth_second_factor" : "validate_check", origin);
    CredentialVerifier verifier = verifierFor(params).orElseThrow();
    Optional<Token> found = verifier.credentialKey(params).flatMap(tokens::byCredentialKey);
    if (found.isEmpty()) {
      return reject(entry, "unknown credential");
    }
    Token token = found.get();
    entry.user(token.realm().orElse(null), token.username().orElse(null));
    entry.token(token.serial(), token.type());
    Optional<Challenge> challenge =
        challenges.ofTransaction(transactionId, purpose).stream()
            .filter(c -> c.type().equals(token.type()))
            .filter(c -> c.serial().isEmpty() || c.serial().equals(token.serial()))
            .findFirst();
    if (challenge.isEmpty()) {
      return reject(entry, "no open challenge for this credential in the transaction");
    }
    if (!token.usable()) {
      return reject(entry, "token disabled or not rolled out");
    }
    CredentialVerifier.Verification verified =
        types
            .capability(token.type(), CredentialVerifier.class)
            .orElseThrow()
            .verify(token, challenge.get().data(), params);
    if (!verified.valid()) {
      return reject(entry, verified.failure());
    }
    if (!challenges.close(transactionId, purpose)) {
      return reject(entry, "challenge already used");
    }
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    boolean counted =
        verified.counter() > 0
            ? tokens.accept(token, verified.counter(), now)
            : tokens.acceptSignatureWithoutCounter(token, now);
    if (!counted) {
      outcomes.replayed();
      return reject(entry, "signature counter did not advance: possibly a cloned authenticator");
    }
    outcomes.accepted();
    audit.write(entry.outcome(true, "ACCEPT", "signed answer"));
    return new Verdict.Identified(
        token.serial(), token.type(), token.realm().orElse(""), token.username().orElse(""));
  }

  private Optional<CredentialVerifier> verifierFor(Parameters params) {
    return types.all().stream()
        .filter(CredentialVerifier.class::isInstance)
        .map(CredentialVerifier.class::cast)
        .filter(v -> v.answers(params))
        .findFirst();
  }

  private Verdict reject(AuditEntry entry, String why) {
    outcomes.rejected();
    audit.write(entry.outcome(false, "REJECT", why));
    return Verdict.rejected();
  }
}
