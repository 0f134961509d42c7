package org.countersign.challenge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
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
import org.countersign.token.Lockout;
import org.countersign.token.Token;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.ChallengeIssuer;
import org.countersign.token.spi.OtpVerifier;

/**
 * Opens, looks up, answers and finalises challenges. Every state change is one conditional
 * statement, so an answer or a finalisation that races another succeeds at most once, on any node.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChallengeService {

  private static final int TRANSACTION_ID_DIGITS = 20;

  /** What a client shows for a challenge answered by typing a code, as privacyIDEA words it. */
  static final String ENTER_CODE = "please enter otp: ";

  @Inject ChallengeStore store;
  @Inject TokenTypes types;
  @Inject Settings settings;
  @Inject SecureRandom random;
  @Inject Clock clock;
  @Inject Lockout lockout;

  /** Whether the token's type issues challenges of its own (an app answers them). */
  public boolean canChallenge(Token token) {
    return types.capability(token.type(), ChallengeIssuer.class).isPresent();
  }

  /**
   * Opens a challenge for each of these tokens, all under one new transaction id: the type's own
   * challenge where it issues one (an app to answer), otherwise, for a type that checks codes, a
   * request to enter a code, answered by a later check with the transaction id. A locked token (see
   * {@link Lockout}) gets none: its challenge would tell that its PIN or its owner's password was
   * right. Empty when none of the tokens can be challenged.
   */
  public Optional<Opened> open(List<Token> candidates, Purpose purpose) {
    Instant now = clock.instant();
    List<Token> tokens = candidates.stream().filter(t -> !lockout.locks(t, now)).toList();
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    String transactionId = newTransactionId();
    LocalDateTime created = utc(now);
    LocalDateTime expires = utc(now.plusSeconds(settings.challengeValiditySeconds()));
    List<IssuedChallenge> issued = new ArrayList<>();
    for (Token token : tokens) {
      Optional<ChallengeIssuer.NewChallenge> made = challengeFor(token, transactionId, now);
      if (made.isEmpty()) {
        continue;
      }
      ChallengeIssuer.NewChallenge c = made.get();
      store.add(
          new Challenge(
              transactionId,
              purpose,
              token.serial(),
              token.type(),
              c.sessionKey(),
              c.data(),
              created,
              expires));
      issued.add(
          new IssuedChallenge(
              token.serial(),
              token.type(),
              c.message(),
              c.clientMode(),
              c.attributes(),
              c.image()));
    }
    return issued.isEmpty() ? Optional.empty() : Optional.of(new Opened(transactionId, issued));
  }

  /**
   * Opens a challenge of this type bound to no token (its serial is empty), for an authenticator
   * that names its credential itself; returns the new transaction id.
   */
  public String openUnbound(String type, ChallengeIssuer.NewChallenge challenge, Purpose purpose) {
    return openOne("", type, challenge.data(), purpose);
  }

  /** Opens the challenge the second step of a token's two-step enrolment answers. */
  public String openForEnrolment(Token token, String data) {
    return openOne(token.serial(), token.type(), data, Purpose.ENROLMENT);
  }

  private String openOne(String serial, String type, String data, Purpose purpose) {
    Instant now = clock.instant();
    String transactionId = newTransactionId();
    store.add(
        new Challenge(
            transactionId,
            purpose,
            serial,
            type,
            null,
            data,
            utc(now),
            utc(now.plusSeconds(settings.challengeValiditySeconds()))));
    return transactionId;
  }

  private Optional<ChallengeIssuer.NewChallenge> challengeFor(
      Token token, String transactionId, Instant now) {
    Optional<ChallengeIssuer> issuer = types.capability(token.type(), ChallengeIssuer.class);
    if (issuer.isPresent()) {
      return Optional.of(issuer.get().create(token, transactionId, now));
    }
    if (types.capability(token.type(), OtpVerifier.class).isPresent()) {
      return Optional.of(
          new ChallengeIssuer.NewChallenge(
              "", null, ENTER_CODE, "interactive", JsonValue.EMPTY_JSON_OBJECT, null));
    }
    return Optional.empty();
  }

  /** The unexpired challenges of a transaction opened for this purpose. */
  public List<Challenge> ofTransaction(String transactionId, Purpose purpose) {
    return store.ofTransaction(transactionId, purpose, utc(clock.instant()));
  }

  /**
   * Ends a transaction once one of its challenges has been answered with a code; true exactly once.
   */
  public boolean close(String transactionId, Purpose purpose) {
    return store.close(transactionId, purpose, utc(clock.instant())) > 0;
  }

  /** The open (unexpired) challenge an app refers to by its session key. */
  public Optional<Challenge> bySessionKey(String sessionKey) {
    return store.bySessionKey(sessionKey, utc(clock.instant()));
  }

  /**
   * Marks a pending challenge answered; false when it was answered already or has expired
   * meanwhile.
   */
  public boolean markAnswered(Challenge challenge) {
    return store.markAnswered(challenge, utc(clock.instant()));
  }

  /** Whether a challenge of this transaction has been answered and not yet finalised. */
  public boolean answered(String transactionId) {
    return store.anyAnswered(transactionId, utc(clock.instant()));
  }

  /** Consumes the answered challenge of this transaction for this token; true exactly once. */
  public boolean finalise(String transactionId, Purpose purpose, Token token) {
    return store.finalise(transactionId, purpose, token.serial(), utc(clock.instant()));
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
