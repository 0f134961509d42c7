package org.countersign.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.countersign.config.Configuration;
import org.countersign.config.Settings;
import org.countersign.token.Lockout;
import org.countersign.token.Token;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.ChallengeIssuer;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.OtpToken;
import org.countersign.token.spi.OtpVerifier;
import org.countersign.token.spi.Parameters;
import org.countersign.token.spi.TokenType;
import org.countersign.token.spi.TypeEnrolment;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link ChallengeService} below the container: which tokens get a challenge, the
 * transaction id, and the edges of expiry, answering and finalising, with the clock set by hand.
 */
class ChallengeServiceTest {

  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
  private static final int VALIDITY = 30;

  private final MemoryChallengeStore store = new MemoryChallengeStore();
  private final ChallengeService service = service(Set.of());

  private ChallengeService service(Set<String> lockedSerials) {
    ChallengeService s = new ChallengeService();
    s.store = store;
    s.types = TokenTypes.of(new AppType(), new CodeType(), new PlainType());
    s.settings =
        Settings.from(
            Configuration.of(Map.of(Settings.CHALLENGE_VALIDITY, String.valueOf(VALIDITY))));
    s.random = new SecureRandom();
    s.clock = Clock.fixed(T0, ZoneOffset.UTC);
    s.lockout =
        new Lockout() {
          @Override
          public boolean locks(Token token, Instant now) {
            return lockedSerials.contains(token.serial());
          }
        };
    return s;
  }

  private void at(ChallengeService s, long secondsAfterStart) {
    s.clock = Clock.fixed(T0.plusSeconds(secondsAfterStart), ZoneOffset.UTC);
  }

  private static Token token(String serial, String type) {
    return new Token(serial, type, 10, LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
  }

  @Test
  void opensOneTransactionForEveryTokenThatCanBeChallenged() {
    ChallengeService.Opened opened =
        service
            .open(List.of(token("APP1", "app"), token("CODE1", "code")), Purpose.CHECK)
            .orElseThrow();
    assertTrue(opened.transactionId().matches("[1-9][0-9]{19}"), opened.transactionId());
    assertEquals(2, opened.challenges().size());
    assertEquals("question for APP1", opened.challenges().get(0).message());
    assertEquals(ChallengeService.ENTER_CODE, opened.challenges().get(1).message());
    assertEquals(2, store.ofTransaction(opened.transactionId(), Purpose.CHECK, utc(0)).size());
  }

  @Test
  void aTypeWithNeitherChallengesNorCodesOpensNothing() {
    assertTrue(service.open(List.of(token("P1", "plain")), Purpose.CHECK).isEmpty());
    assertTrue(store.rows.isEmpty());
  }

  @Test
  void aLockedTokenGetsNoChallengeSoTheReplyCannotConfirmItsPin() {
    ChallengeService s = service(Set.of("APP1"));
    assertTrue(s.open(List.of(token("APP1", "app")), Purpose.CHECK).isEmpty());
    ChallengeService.Opened opened =
        s.open(List.of(token("APP1", "app"), token("CODE1", "code")), Purpose.CHECK).orElseThrow();
    assertEquals(List.of("CODE1"), opened.challenges().stream().map(c -> c.serial()).toList());
  }

  @Test
  void eachOpeningHasItsOwnTransactionId() {
    String first =
        service.open(List.of(token("C1", "code")), Purpose.CHECK).orElseThrow().transactionId();
    String second =
        service.open(List.of(token("C1", "code")), Purpose.CHECK).orElseThrow().transactionId();
    assertFalse(first.equals(second));
  }

  @Test
  void aChallengeLivesUntilTheLastSecondOfItsValidityAndNotAtIt() {
    String tx =
        service.open(List.of(token("C1", "code")), Purpose.CHECK).orElseThrow().transactionId();
    at(service, VALIDITY - 1);
    assertEquals(1, service.ofTransaction(tx, Purpose.CHECK).size());
    at(service, VALIDITY);
    assertTrue(service.ofTransaction(tx, Purpose.CHECK).isEmpty());
    assertFalse(service.close(tx, Purpose.CHECK));
  }

  @Test
  void aChallengeOpenedForOnePurposeIsNotSeenForAnother() {
    String tx =
        service.open(List.of(token("C1", "code")), Purpose.SIGN_IN).orElseThrow().transactionId();
    assertTrue(service.ofTransaction(tx, Purpose.CHECK).isEmpty());
    assertFalse(service.close(tx, Purpose.CHECK));
    assertTrue(service.close(tx, Purpose.SIGN_IN));
  }

  @Test
  void closingSucceedsOnce() {
    String tx =
        service.open(List.of(token("C1", "code")), Purpose.CHECK).orElseThrow().transactionId();
    assertTrue(service.close(tx, Purpose.CHECK));
    assertFalse(service.close(tx, Purpose.CHECK));
  }

  @Test
  void anAppAnswerIsMarkedOnceAndThenFinalisedOnceForItsOwnToken() {
    Token app = token("APP1", "app");
    String tx = service.open(List.of(app), Purpose.CHECK).orElseThrow().transactionId();
    Challenge challenge = service.bySessionKey("key-APP1").orElseThrow();
    assertFalse(service.answered(tx));
    assertFalse(service.finalise(tx, Purpose.CHECK, app), "not answered yet");

    assertTrue(service.markAnswered(challenge));
    assertFalse(service.markAnswered(challenge), "a second answer");
    assertTrue(service.answered(tx));

    assertFalse(service.finalise(tx, Purpose.CHECK, token("OTHER", "app")), "another token");
    assertFalse(service.finalise(tx, Purpose.SIGN_IN, app), "another purpose");
    assertTrue(service.finalise(tx, Purpose.CHECK, app));
    assertFalse(service.finalise(tx, Purpose.CHECK, app), "a second finalisation");
  }

  @Test
  void anAnswerAfterExpiryIsRefused() {
    service.open(List.of(token("APP1", "app")), Purpose.CHECK).orElseThrow();
    Challenge challenge = service.bySessionKey("key-APP1").orElseThrow();
    at(service, VALIDITY);
    assertTrue(service.bySessionKey("key-APP1").isEmpty());
    assertFalse(service.markAnswered(challenge));
  }

  @Test
  void anAnsweredChallengeCannotBeFinalisedOnceExpired() {
    Token app = token("APP1", "app");
    String tx = service.open(List.of(app), Purpose.CHECK).orElseThrow().transactionId();
    assertTrue(service.markAnswered(service.bySessionKey("key-APP1").orElseThrow()));
    at(service, VALIDITY);
    assertFalse(service.answered(tx));
    assertFalse(service.finalise(tx, Purpose.CHECK, app));
  }

  private static LocalDateTime utc(long secondsAfterStart) {
    return LocalDateTime.ofInstant(T0.plusSeconds(secondsAfterStart), ZoneOffset.UTC);
  }

  /** A type whose app answers challenges of its own. */
  private static final class AppType extends Named implements ChallengeIssuer {
    AppType() {
      super("app");
    }

    @Override
    public NewChallenge create(Token token, String transactionId, Instant now) {
      return new NewChallenge(
          "q-" + token.serial(),
          "key-" + token.serial(),
          "question for " + token.serial(),
          "poll",
          Json.createObjectBuilder().build(),
          null);
    }
  }

  /** A type that checks typed codes. */
  private static final class CodeType extends Named implements OtpVerifier {
    CodeType() {
      super("code");
    }

    @Override
    public OptionalLong match(OtpToken token, String otp, Instant now) {
      return OptionalLong.empty();
    }

    @Override
    public int countWindow() {
      return 1;
    }
  }

  /** A type that can do neither. */
  private static final class PlainType extends Named {
    PlainType() {
      super("plain");
    }
  }

  private abstract static class Named implements TokenType {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String serialPrefix() {
      return name.toUpperCase();
    }

    @Override
    public TypeEnrolment enrol(Parameters params, EnrolmentContext context) {
      throw new UnsupportedOperationException();
    }
  }
}
