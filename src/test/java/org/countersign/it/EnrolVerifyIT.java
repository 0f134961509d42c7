package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enrolment that must be confirmed with the first code ({@code countersign.enrol.verify=true}), on
 * the server that also widens the TOTP window to two steps. Arquillian registers that container
 * only when it is chosen for the run or arquillian.xml groups the containers, so run this class
 * with {@code mvn verify -Dit.test=EnrolVerifyIT -Darquillian.launch=verify}; see {@link
 * VerifyServerAvailable}.
 */
@ExtendWith(VerifyServerAvailable.class)
class EnrolVerifyIT extends ServerTest {

  @Deployment(testable = false)
  @TargetsContainer("verify")
  static WebArchive deployment() {
    return Deployments.war();
  }

  /** A new TOTP token waiting for verification. */
  private record Pending(String serial, Codes codes) {}

  private Pending pendingTotp() {
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1");
    assertEquals(200, r.status(), r.body());
    return new Pending(
        r.detail().getString("serial"),
        Codes.fromOtpauth(r.detail().getJsonObject("googleurl").getString("value")));
  }

  @Test
  void newTotpTokenWaitsInRolloutStateVerifyWithAMessage() {
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1");
    assertEquals("verify", r.detail().getString("rollout_state"));
    assertFalse(r.detail().getJsonObject("verify").getString("message").isBlank());
    assertEquals(
        "verify", api.token(admin, r.detail().getString("serial")).getString("rollout_state"));
  }

  @Test
  void correctCodeIsRejectedWhileTheTokenWaitsForVerification() {
    Pending p = pendingTotp();
    p.codes().awayFromStepEdge();
    Api.Reply r = api.check("serial", p.serial(), "pass", p.codes().totpNow());
    assertFalse(r.value(), r.body());
    assertEquals("REJECT", r.authentication());
  }

  @Test
  void wrongVerifyCodeIs400AndTheTokenStillWaits() {
    Pending p = pendingTotp();
    p.codes().awayFromStepEdge();
    String wrong =
        String.format("%06d", (Integer.parseInt(p.codes().totpNow()) + 500_000) % 1_000_000);
    Api.Reply r = api.init(admin, "serial", p.serial(), "verify", wrong);
    assertEquals(400, r.status(), r.body());
    assertFalse(r.result().getBoolean("status"));
    assertTrue(r.errorMessage().startsWith("ERR" + r.errorCode() + ": "), r.errorMessage());
    assertEquals("verify", api.token(admin, p.serial()).getString("rollout_state"));
  }

  @Test
  void currentCodeActivatesTheTokenAndLaterCodesAuthenticate() {
    Pending p = pendingTotp();
    p.codes().awayFromStepEdge();
    String code = p.codes().totpNow();
    Api.Reply r = api.init(admin, "serial", p.serial(), "verify", code);
    assertEquals(200, r.status(), r.body());
    assertEquals("", r.detail().getString("rollout_state"));
    assertEquals("", api.token(admin, p.serial()).getString("rollout_state"));
    assertFalse(
        api.check("serial", p.serial(), "pass", code).value(), "the verifying code was replayed");
    assertTrue(api.check("serial", p.serial(), "pass", p.codes().totpStep(1)).value());
  }

  @Test
  void hotpVerifiedWithItsFirstCodeAcceptsTheSecondButNotTheFirstAgain() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY);
    assertEquals("verify", api.token(admin, serial).getString("rollout_state"));
    Api.Reply r = api.init(admin, "serial", serial, "verify", "755224");
    assertEquals(200, r.status(), r.body());
    assertFalse(api.check("serial", serial, "pass", "755224").value());
    assertTrue(api.check("serial", serial, "pass", "287082").value());
  }

  @Test
  void verifyingATokenThatIsNotWaitingIsRefusedWithCode301() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY);
    assertEquals(200, api.init(admin, "serial", serial, "verify", "755224").status());
    Api.Reply again = api.init(admin, "serial", serial, "verify", "287082");
    assertEquals(400, again.status(), again.body());
    assertEquals(301, again.errorCode());
    assertTrue(
        api.check("serial", serial, "pass", "287082").value(), "the refused verify used no code");
  }

  @Test
  void verifyForAnUnknownSerialIs404() {
    Api.Reply r = api.init(admin, "serial", "NONE" + System.nanoTime(), "verify", "123456");
    assertEquals(404, r.status(), r.body());
    assertEquals(601, r.errorCode());
  }

  @Test
  void configuredTotpWindowOfTwoAcceptsACodeTwoStepsAhead() {
    Pending p = pendingTotp();
    p.codes().awayFromStepEdge();
    assertEquals(
        200, api.init(admin, "serial", p.serial(), "verify", p.codes().totpNow()).status());
    assertTrue(api.check("serial", p.serial(), "pass", p.codes().totpStep(2)).value());
  }

  @Test
  void configuredTotpWindowOfTwoRejectsACodeThreeStepsAhead() {
    Pending p = pendingTotp();
    p.codes().awayFromStepEdge();
    assertEquals(
        200, api.init(admin, "serial", p.serial(), "verify", p.codes().totpNow()).status());
    assertFalse(api.check("serial", p.serial(), "pass", p.codes().totpStep(3)).value());
  }
}
