package org.countersign.challenge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.countersign.config.Settings;
import org.countersign.token.Token;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.ChallengeIssuer;

/**
 * Opens, looks up, answers and finalises challenges. Every state change is one conditional statement, so an
 * answer or a finalisation that races another succeeds at most once, on any node.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChallengeService {

  private static final int TRANSACTION_ID_DIGITS = 20;

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject TokenTypes types;
  @Inject Settings settings;
  @Inject SecureRandom random;
  @Inject Clock clock;

  /** Whether any of these tokens can be challenged. */
  public boolean canChallenge(Token token) {
    return types.capability(token.type(), ChallengeIssuer.class).isPresent();
  }

  /** Opens one challenge per challenge-capable token, all under one new transaction id. */
  public Optional<Opened> open(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    String transactionId = newTransactionId();
    Instant now = clock.instant();
    LocalDateTime created = utc(now);
    LocalDateTime expires = utc(now.plusSeconds(settings.challengeValiditySeconds()));
    List<IssuedChallenge> issued = new ArrayList<>();
    for (Token token : tokens) {
      Optional<ChallengeIssuer> issuer = types.capability(token.type(), ChallengeIssuer.class);
      if (issuer.isEmpty()) {
        continue;
      }
      ChallengeIssuer.NewChallenge c = issuer.get().create(token, transactionId, now);
      em.persist(new Challenge(transactionId, token.serial(), token.type(), c.sessionKey(), c.data(), created, expires));
      issued.add(new IssuedChallenge(token.serial(), token.type(), c.message(), c.clientMode(), c.attributes(), c.image()));
    }
    return issued.isEmpty() ? Optional.empty() : Optional.of(new Opened(transactionId, issued));
  }

  /** The open (unexpired) challenge an app refers to by its session key. */
  public Optional<Challenge> bySessionKey(String sessionKey) {
    return em.createNamedQuery(Challenge.BY_SESSION_KEY, Challenge.class)
        .setParameter("key", sessionKey)
        .setParameter("now", utc(clock.instant()))
        .getResultStream()
        .findFirst();
  }

  /** Marks a pending challenge answered; false when it was answered already or has expired meanwhile. */
  public boolean markAnswered(Challenge challenge) {
    return em.createNamedQuery(Challenge.MARK_ANSWERED)
            .setParameter("id", challenge.id())
            .setParameter("now", utc(clock.instant()))
            .executeUpdate()
        == 1;
  }

  /** Whether a challenge of this transaction has been answered and not yet finalised. */
  public boolean answered(String transactionId) {
    return em.createNamedQuery(Challenge.BY_TRANSACTION, Challenge.class)
        .setParameter("tx", transactionId)
        .setParameter("now", utc(clock.instant()))
        .getResultStream()
        .anyMatch(Challenge::answered);
  }

  /** Consumes the answered challenge of this transaction for this token; true exactly once. */
  public boolean finalise(String transactionId, Token token) {
    return em.createNamedQuery(Challenge.FINALISE)
            .setParameter("tx", transactionId)
            .setParameter("serial", token.serial())
            .setParameter("now", utc(clock.instant()))
            .executeUpdate()
        == 1;
  }

  private String newTransactionId() {
    StringBuilder id = new StringBuilder(TRANSACTION_ID_DIGITS);
    id.append(1 + random.nextInt(9));
    while (id.length() < TRANSACTION_ID_DIGITS) {
      id.append(random.nextInt(10));
    }
    return id.toString();
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Challenges opened together. */
  public record Opened(String transactionId, List<IssuedChallenge> challenges) {}
}
