package org.countersign.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countersign.audit.Origin;
import org.countersign.audit.RecordingAuditLog;
import org.countersign.challenge.Challenge;
import org.countersign.challenge.ChallengeService;
import org.countersign.challenge.IssuedChallenge;
import org.countersign.challenge.Purpose;
import org.countersign.config.Settings;
import org.countersign.policy.CoreActions;
import org.countersign.policy.Decisions;
import org.countersign.policy.Scope;
import org.countersign.token.InMemoryTokens;
import org.countersign.token.Lockout;
import org.countersign.token.ServiceFakes;
import org.countersign.token.ServiceFakes.AppType;
import org.countersign.token.ServiceFakes.CodeType;
import org.countersign.token.ServiceFakes.FakeTypes;
import org.countersign.token.ServiceFakes.FakeUsers;
import org.countersign.token.ServiceFakes.FixedPolicies;
import org.countersign.token.ServiceFakes.SilentOutcomes;
import org.countersign.token.ServiceFakes.TestKeys;
import org.countersign.token.Token;
import org.countersign.token.TokenSecrets;
import org.countersign.token.TypePolicyActions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link ValidationService} below the container: accept, wrong code, replay, wrong
 * PIN, lock-out, unknown user, challenge trigger and the pass-through policies. Collaborators are
 * in-memory fakes; time is a fixed clock.
 */
class ValidationServiceTest {

  static final Origin ORIGIN = Origin.anonymous("192.0.2.1");

  ValidationService service;
  InMemoryTokens tokens;
  RecordingAuditLog audit;
  Settings settings;
  FixedPolicies policies;
  FakeUsers users;
  TestKeys keys;
  TokenSecrets secrets;
  OpeningChallenges challenges;

  @BeforeEach
  void wire() {
    Clock clock = Clock.fixed(ServiceFakes.NOW, ZoneOffset.UTC);
    tokens = new InMemoryTokens();
    audit = new RecordingAuditLog(clock);
    settings = ServiceFakes.settings(false, true, 10);
    policies = new FixedPolicies();
    users = new FakeUsers();
    keys = new TestKeys();
    secrets = ServiceFakes.secrets(keys);
    challenges = new OpeningChallenges();
    Lockout lockout = ServiceFakes.lockout(settings, policies);

    CodeMatcher codes = new CodeMatcher();
    codes.types = new FakeTypes(new CodeType(), new AppType());
    codes.secrets = secrets;
    codes.clock = clock;
    ChallengeStep step = new ChallengeStep();
    step.challenges = challenges;
    step.tokens = tokens;
    step.codes = codes;
    step.clock = clock;
    step.lockout = lockout;
    CheckPolicies checkPolicies = new CheckPolicies();
    checkPolicies.policies = policies;
    checkPolicies.subjects = new ServiceFakes.BuiltInSubjects();

    service = new ValidationService();
    service.tokens = tokens;
    service.codes = codes;
    service.users = users;
    service.keys = keys;
    service.settings = settings;
    service.audit = audit;
    service.clock = clock;
    service.challenges = step;
    service.challengeService = challenges;
    service.outcomes = new SilentOutcomes();
    service.checkPolicies = checkPolicies;
    service.lockout = lockout;
    service.owned = ServiceFakes.owned(tokens, users);
  }

  @Test
  void acceptsRightPinFollowedByRightCode() {
    Token t = add("CODE1", "code", "1234", 10);

    Verdict v = service.check(check("1234000005"), ORIGIN);

    Verdict.Accepted accepted = assertInstanceOf(Verdict.Accepted.class, v);
    assertEquals("CODE1", accepted.serial());
    assertEquals(5, t.lastCounter());
    assertEquals("ACCEPT", audit.last().result());
  }

  @Test
  void rejectsWrongCodeAndCountsAFailure() {
    add("CODE1", "code", "1234", 10);

    assertInstanceOf(Verdict.Rejected.class, service.check(check("1234123456"), ORIGIN));
    assertEquals(1, tokens.failuresOf("CODE1"));
    assertEquals("wrong otp value", audit.last().info());
  }

  @Test
  void rejectsCodeAlreadyAcceptedAsAReplay() {
    add("CODE1", "code", "1234", 10);
    service.check(check("1234000005"), ORIGIN);

    assertInstanceOf(Verdict.Rejected.class, service.check(check("1234000005"), ORIGIN));
    assertEquals("replay: code already used", audit.last().info());
    assertEquals(1, tokens.failuresOf("CODE1"));
  }

  @Test
  void rejectsOlderCodeAfterANewerOneWasAccepted() {
    add("CODE1", "code", "1234", 10);
    service.check(check("1234000007"), ORIGIN);

    assertInstanceOf(Verdict.Rejected.class, service.check(check("1234000006"), ORIGIN));
    assertEquals("replay: code already used", audit.last().info());
  }

  @Test
  void wrongPinRejectsEvenTheRightCodeAndCountsAFailure() {
    Token t = add("CODE1", "code", "1234", 10);

    assertInstanceOf(Verdict.Rejected.class, service.check(check("9999000005"), ORIGIN));
    assertEquals("wrong otp pin", audit.last().info());
    assertEquals(1, tokens.failuresOf("CODE1"));
    assertEquals(-1, t.lastCounter());
  }

  @Test
  void wrongPinCountsNoFailureWhenTheSettingSaysSo() {
    service.settings = ServiceFakes.settings(false, false, 10);
    add("CODE1", "code", "1234", 10);

    assertInstanceOf(Verdict.Rejected.class, service.check(check("9999000005"), ORIGIN));
    assertEquals(0, tokens.failuresOf("CODE1"));
  }

  @Test
  void lockedTokenRejectsTheRightCodeWithoutCheckingIt() {
    Token t = add("CODE1", "code", "1234", 0);

    assertInstanceOf(Verdict.Rejected.class, service.check(check("1234000005"), ORIGIN));
    assertEquals("failcounter exceeded", audit.last().info());
    assertEquals(-1, t.lastCounter());
  }

  @Test
  void unknownUserIsRejectedLikeAWrongCode() {
    users.unknown.add("alice");

    assertInstanceOf(Verdict.Rejected.class, service.check(check("1234000005"), ORIGIN));
    assertEquals("unknown user, realm or serial", audit.last().info());
  }

  @Test
  void pinAloneOpensAChallengeForATokenWhoseAppAnswers() {
    add("APP1", "app", "1234", 10);

    Verdict v = service.check(check("1234"), ORIGIN);

    Verdict.Challenged c = assertInstanceOf(Verdict.Challenged.class, v);
    assertEquals("tx-1", c.transactionId());
    assertEquals(List.of("APP1"), challenges.opened);
    assertEquals("CHALLENGE", audit.last().result());
    assertEquals(0, tokens.failuresOf("APP1"));
  }

  @Test
  void pinAloneForACodeTokenIsAFailureWithoutChallengeResponsePolicy() {
    add("CODE1", "code", "1234", 10);

    assertInstanceOf(Verdict.Rejected.class, service.check(check("1234"), ORIGIN));
    assertEquals(1, tokens.failuresOf("CODE1"));
    assertTrue(challenges.opened.isEmpty());
  }

  @Test
  void challengeResponsePolicyAsksACodeTokenForItsCode() {
    add("CODE1", "code", "1234", 10);
    policies.decisions.put(
        Scope.AUTHENTICATION,
        Decisions.of(Scope.AUTHENTICATION, Map.of(TypePolicyActions.CHALLENGE_RESPONSE, "code")));

    assertInstanceOf(Verdict.Challenged.class, service.check(check("1234"), ORIGIN));
    assertEquals(List.of("CODE1"), challenges.opened);
  }

  @Test
  void passOnNoTokenLetsAUserWithoutTokensPass() {
    policies.decisions.put(
        Scope.AUTHENTICATION,
        Decisions.of(Scope.AUTHENTICATION, Map.of(CoreActions.PASS_ON_NO_TOKEN, "true")));

    Verdict.Passed p =
        assertInstanceOf(Verdict.Passed.class, service.check(check("anything"), ORIGIN));
    assertTrue(p.message().contains("'test'"), p.message());
  }

  @Test
  void userWithoutTokensIsRejectedByDefault() {
    assertInstanceOf(Verdict.Rejected.class, service.check(check("1234000005"), ORIGIN));
    assertEquals("no tokens", audit.last().info());
  }

  private Token add(String serial, String type, String pin, int maxFail) {
    Token t =
        ServiceFakes.token(
            serial, type, "default", "alice", keys.pins().hash(pin), 6, maxFail, secrets);
    tokens.add(t);
    return t;
  }

  private static CheckRequest check(String pass) {
    return new CheckRequest(
        Optional.of("alice"), Optional.empty(), Optional.empty(), pass, Optional.empty());
  }

  /** Challenges in memory: tokens of type {@code app} issue their own; one transaction id. */
  static final class OpeningChallenges extends ChallengeService {
    final List<String> opened = new ArrayList<>();

    @Override
    public boolean canChallenge(Token token) {
      return token.type().equals("app");
    }

    @Override
    public Optional<Opened> open(List<Token> candidates, Purpose purpose) {
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      List<IssuedChallenge> issued = new ArrayList<>();
      for (Token t : candidates) {
        opened.add(t.serial());
        issued.add(
            new IssuedChallenge(
                t.serial(), t.type(), "answer it", "poll", JsonValue.EMPTY_JSON_OBJECT, null));
      }
      return Optional.of(new Opened("tx-1", issued));
    }

    @Override
    public List<Challenge> ofTransaction(String transactionId, Purpose purpose) {
      return List.of();
    }

    @Override
    public boolean answered(String transactionId) {
      return false;
    }
  }
}
