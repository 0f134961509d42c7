package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.countersign.audit.RecordingAuditLog;
import org.countersign.auth.Caller;
import org.countersign.auth.Role;
import org.countersign.config.Settings;
import org.countersign.crypto.KeyRing;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.policy.CoreActions;
import org.countersign.policy.Decisions;
import org.countersign.policy.PolicyRefusal;
import org.countersign.policy.Scope;
import org.countersign.token.ServiceFakes.AllRights;
import org.countersign.token.ServiceFakes.AppType;
import org.countersign.token.ServiceFakes.CodeType;
import org.countersign.token.ServiceFakes.CountingSerials;
import org.countersign.token.ServiceFakes.FakeTypes;
import org.countersign.token.ServiceFakes.FakeUsers;
import org.countersign.token.ServiceFakes.FixedPolicies;
import org.countersign.token.ServiceFakes.SilentOutcomes;
import org.countersign.token.ServiceFakes.TestKeys;
import org.countersign.token.spi.Parameters;
import org.countersign.token.spi.Provisioning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link EnrolmentService} below the container: one- and two-step enrolment, the
 * first code (right, wrong, reused, locked out), resuming, policy refusals and who may enrol for
 * whom. Collaborators are in-memory fakes; time is a fixed clock.
 */
class EnrolmentServiceTest {

  static final java.time.Instant NOW = ServiceFakes.NOW;
  static final byte[] SEED = ServiceFakes.SEED;

  static final URI BASE = URI.create("https://mfa.example.org/");

  final Caller alice = new Caller("alice", "default", Role.USER, "192.0.2.1");
  final Caller admin = new Caller("admin", "default", Role.ADMIN, "192.0.2.1");

  EnrolmentService service;
  InMemoryTokens tokens;
  RecordingAuditLog audit;
  Settings settings;
  FixedPolicies policies;

  @BeforeEach
  void wire() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    service = new EnrolmentService();
    tokens = new InMemoryTokens();
    audit = new RecordingAuditLog(clock);
    settings = ServiceFakes.settings(false, true, 10);
    KeyRing keys = new TestKeys();
    TokenSecrets secrets = ServiceFakes.secrets(keys);
    policies = new FixedPolicies();

    service.types = new FakeTypes(new CodeType(), new AppType());
    service.tokens = tokens;
    service.serials = new CountingSerials();
    service.secrets = secrets;
    service.users = new FakeUsers();
    service.owned = ServiceFakes.owned(tokens, service.users);
    service.keys = keys;
    service.settings = settings;
    service.audit = audit;
    service.clock = clock;
    service.outcomes = new SilentOutcomes();
    service.rights = new AllRights();
    service.policies = policies;
    service.lockout = ServiceFakes.lockout(settings, policies);
    service.subjects = new ServiceFakes.BuiltInSubjects();
  }

  @Test
  void oneStepEnrolmentIsUsableAtOnceAndShowsItsProvisioningOnce() {
    Enrolment e = service.create(request("code"), alice, BASE);

    assertEquals(RolloutState.DONE, e.rolloutState());
    assertFalse(e.waitsForFirstCode());
    assertEquals(6, e.otpLen());
    assertEquals(Map.of("kind", "code"), e.info());
    Provisioning.OtpAuth otp = assertInstanceOf(Provisioning.OtpAuth.class, e.provisioning().get());
    assertEquals("otpauth://code/alice", otp.uri());
    assertArrayEquals(SEED, otp.secret());
    Token stored = tokens.bySerial(e.serial()).orElseThrow();
    assertTrue(stored.isOwnedBy("default", "alice"));
    assertTrue(stored.usable());
    assertTrue(stored.sealedSecret().isPresent());
    assertEquals("token_init", audit.last().action());
    assertTrue(audit.last().success());
  }

  @Test
  void serverSettingMakesTheTokenWaitForItsFirstCode() {
    service.settings = ServiceFakes.settings(true, true, 10);

    Enrolment e = service.create(request("code"), alice, BASE);

    assertEquals(RolloutState.VERIFY, e.rolloutState());
    assertTrue(e.waitsForFirstCode());
    assertFalse(tokens.bySerial(e.serial()).orElseThrow().usable());
  }

  @Test
  void verifyEnrollmentPolicyMakesOnlyItsTypesWait() {
    policies.decisions.put(
        Scope.ENROLLMENT,
        Decisions.of(Scope.ENROLLMENT, Map.of(TypePolicyActions.VERIFY_ENROLLMENT, "code")));

    assertEquals(RolloutState.VERIFY, service.create(request("code"), alice, BASE).rolloutState());
    assertEquals(
        RolloutState.CLIENT_WAIT, service.create(request("app"), alice, BASE).rolloutState());
  }

  @Test
  void typeWithoutCodesKeepsTheRolloutStateItChoseAndItsAppUrl() {
    Enrolment e = service.create(request("app"), alice, BASE);

    assertEquals(RolloutState.CLIENT_WAIT, e.rolloutState());
    Provisioning.AppEnrolment app =
        assertInstanceOf(Provisioning.AppEnrolment.class, e.provisioning().get());
    assertEquals(BASE + "app/" + e.serial(), app.url());
  }

  @Test
  void unconfirmedEnrolmentOfATypeWithoutCodesIsAParameterError() {
    DomainException e =
        assertThrows(
            DomainException.class, () -> service.createUnconfirmed(request("app"), alice, BASE));
    assertEquals(Reason.PARAMETER, e.reason());
    assertTrue(tokens.stored.isEmpty());
  }

  @Test
  void rightFirstCodeConfirmsTheToken() {
    String serial = service.createUnconfirmed(request("code"), alice, BASE).serial();

    assertEquals(Confirmation.CONFIRMED, service.confirm(serial, "000005", alice));

    Token token = tokens.bySerial(serial).orElseThrow();
    assertEquals(RolloutState.DONE, token.rolloutState());
    assertEquals(5, token.lastCounter());
    assertEquals("token_verify", audit.last().action());
    assertTrue(audit.last().success());
  }

  @Test
  void wrongFirstCodeIsARejectionCountedAsAFailureNotAnException() {
    String serial = service.createUnconfirmed(request("code"), alice, BASE).serial();

    assertEquals(Confirmation.REJECTED, service.confirm(serial, "wrong", alice));

    assertEquals(RolloutState.VERIFY, tokens.bySerial(serial).orElseThrow().rolloutState());
    assertEquals(1, tokens.failuresOf(serial));
    assertEquals("REJECT", audit.last().result());
  }

  @Test
  void firstCodeUsedTwiceIsRejectedTheSecondTime() {
    String serial = service.createUnconfirmed(request("code"), alice, BASE).serial();
    Token token = tokens.bySerial(serial).orElseThrow();
    token.setLastCounter(5);

    assertEquals(Confirmation.REJECTED, service.confirm(serial, "000005", alice));
    assertEquals(RolloutState.VERIFY, token.rolloutState());
  }

  @Test
  void lockedTokenRejectsEvenTheRightFirstCode() {
    service.settings = ServiceFakes.settings(false, true, 0);
    String serial = service.createUnconfirmed(request("code"), alice, BASE).serial();

    assertEquals(Confirmation.REJECTED, service.confirm(serial, "000005", alice));
    assertEquals(RolloutState.VERIFY, tokens.bySerial(serial).orElseThrow().rolloutState());
  }

  @Test
  void confirmingATokenThatDoesNotWaitIsARequestError() {
    String serial = service.create(request("code"), alice, BASE).serial();

    DomainException e =
        assertThrows(DomainException.class, () -> service.confirm(serial, "000005", alice));
    assertEquals(Reason.TOKEN_ADMIN, e.reason());
  }

  @Test
  void someoneElsesTokenIsReportedAsUnknown() {
    String serial = service.createUnconfirmed(request("code"), alice, BASE).serial();
    Caller bob = new Caller("bob", "default", Role.USER, "192.0.2.1");

    DomainException e =
        assertThrows(DomainException.class, () -> service.confirm(serial, "000005", bob));
    assertEquals(Reason.NOT_FOUND, e.reason());
  }

  @Test
  void resumingShowsTheSameProvisioningAgainAndIsAudited() {
    Enrolment e = service.createUnconfirmed(request("code"), alice, BASE);

    Provisioning again = service.resume(e.serial(), alice);

    Provisioning.OtpAuth otp = assertInstanceOf(Provisioning.OtpAuth.class, again);
    assertEquals("otpauth://code/alice", otp.uri());
    assertArrayEquals(SEED, otp.secret());
    assertEquals("token_resume", audit.last().action());
  }

  @Test
  void unfinishedEnrolmentIsFoundWithinTheResumeWindowOnly() {
    String serial = service.createUnconfirmed(request("code"), alice, BASE).serial();

    assertEquals(
        serial, service.unconfirmed("code", Duration.ofMinutes(5), alice).orElseThrow().serial());
    assertTrue(
        service.unconfirmed("code", Duration.ZERO, alice).isEmpty(),
        "created at the window's start");
  }

  @Test
  void tokenLimitOfThePolicyRefusesOneMore() {
    policies.decisions.put(
        Scope.ENROLLMENT,
        Decisions.of(Scope.ENROLLMENT, Map.of(CoreActions.MAX_TOKEN_PER_USER, "1")));
    service.create(request("code"), alice, BASE);

    assertThrows(PolicyRefusal.class, () -> service.create(request("code"), alice, BASE));
    assertEquals(1, tokens.stored.size());
  }

  @Test
  void userMayNotEnrolForSomeoneElse() {
    EnrolmentRequest forBob =
        new EnrolmentRequest(
            Optional.of("code"),
            Optional.empty(),
            Optional.of("bob"),
            Optional.empty(),
            "",
            "",
            params());

    DomainException e =
        assertThrows(DomainException.class, () -> service.create(forBob, alice, BASE));
    assertEquals(Reason.FORBIDDEN, e.reason());
  }

  @Test
  void adminWithoutUserEnrolsAnUnassignedToken() {
    Enrolment e = service.create(request("code"), admin, BASE);

    Token token = tokens.bySerial(e.serial()).orElseThrow();
    assertTrue(token.username().isEmpty());
  }

  @Test
  void overlongDescriptionIsAParameterError() {
    EnrolmentRequest tooLong =
        EnrolmentRequest.own("code", "x".repeat(EnrolmentService.MAX_DESCRIPTION + 1), params());

    DomainException e =
        assertThrows(DomainException.class, () -> service.create(tooLong, alice, BASE));
    assertEquals(Reason.PARAMETER, e.reason());
  }

  private static EnrolmentRequest request(String type) {
    return EnrolmentRequest.own(type, "", params());
  }

  private static Parameters params() {
    return new Parameters() {
      @Override
      public Optional<String> optional(String name) {
        return Optional.empty();
      }

      @Override
      public String required(String name) {
        throw DomainException.missing(name);
      }

      @Override
      public boolean has(String name) {
        return false;
      }

      @Override
      public boolean flag(String name) {
        return false;
      }

      @Override
      public String oneOf(String name, String defaultValue, Set<String> allowed) {
        return defaultValue;
      }
    };
  }
}
