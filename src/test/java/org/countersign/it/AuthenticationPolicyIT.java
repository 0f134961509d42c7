package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authentication policies on {@code /validate/check}: {@code challenge_response} for code
 * tokens, {@code otppin}, {@code passOnNoToken} and {@code passOnNoUser}. Every policy here names
 * its test's own user, so that the other test classes on the same server are not affected.
 */
class AuthenticationPolicyIT extends OnDefaultServer {

  private static final String PASSWORD = "user-Passw0rd";
  private static final String PIN = "1234";

  /** RFC 4226 Appendix D, counters 0 to 3. */
  private static final String[] HOTP = {"755224", "287082", "359152", "969429"};

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void removePolicies() {
    created.forEach(name -> api.delete("policy/" + name, admin));
  }

  private void policy(String user, String action, String... more) {
    String name = "t" + Long.toHexString(System.nanoTime());
    List<String> pairs =
        new ArrayList<>(List.of("scope", "authentication", "action", action, "user", user));
    pairs.addAll(List.of(more));
    Api.Reply r = api.post("policy/" + name, form(pairs.toArray(String[]::new)), admin);
    assertEquals(200, r.status(), r.body());
    created.add(name);
  }

  private String userWithHotp() {
    String user = api.newUser(admin, "cr", PASSWORD);
    api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user, "pin", PIN);
    return user;
  }

  private int failcount(String user) {
    Api.Reply r = api.get("token/", form("user", user), admin);
    return r.result()
        .getJsonObject("value")
        .getJsonArray("tokens")
        .getJsonObject(0)
        .getInt("failcount");
  }

  @Test
  void withoutThePolicyAPinAloneIsAnOrdinaryReject() {
    String user = userWithHotp();
    Api.Reply r = api.check("user", user, "pass", PIN);
    assertEquals("REJECT", r.authentication(), r.body());
    assertFalse(r.body().contains("transaction_id"), r.body());
  }

  @Test
  void thePinAloneOpensAChallengeAndACodeAnswersItOnce() {
    String user = userWithHotp();
    policy(user, "challenge_response=hotp totp");
    Api.Reply step1 = api.check("user", user, "pass", PIN);
    assertEquals(200, step1.status(), step1.body());
    assertEquals("CHALLENGE", step1.authentication(), step1.body());
    assertFalse(step1.value());
    JsonObject entry = step1.detail().getJsonArray("multi_challenge").getJsonObject(0);
    String tx = step1.detail().getString("transaction_id");
    assertEquals(20, tx.length());
    assertEquals(
        Map.of(
                "transaction_id",
                tx,
                "serial",
                entry.getString("serial"),
                "type",
                "hotp",
                "client_mode",
                "interactive",
                "message",
                "please enter otp: ")
            .keySet(),
        entry.keySet(),
        "exactly privacyIDEA's fields for a code challenge: " + entry);
    assertEquals("please enter otp: ", entry.getString("message"));
    assertEquals("interactive", step1.detail().getString("preferred_client_mode"));
    assertEquals(0, failcount(user), "opening a challenge is no failure");

    Api.Reply step2 = api.check("user", user, "transaction_id", tx, "pass", HOTP[0]);
    assertTrue(step2.value(), step2.body());
    assertEquals("ACCEPT", step2.authentication());
    Api.Reply again = api.check("user", user, "transaction_id", tx, "pass", HOTP[0]);
    assertFalse(again.value(), again.body());
    Api.Reply replayOneStep = api.check("user", user, "pass", PIN + HOTP[0]);
    assertFalse(replayOneStep.value(), "the code answered the challenge and cannot be used again");
  }

  @Test
  void aWrongAnswerCountsAsAFailureAndTheChallengeStaysOpen() {
    String user = userWithHotp();
    policy(user, "challenge_response=hotp");
    String tx = api.check("user", user, "pass", PIN).detail().getString("transaction_id");
    Api.Reply wrong = api.check("user", user, "transaction_id", tx, "pass", "000000");
    assertFalse(wrong.value(), wrong.body());
    assertEquals(1, failcount(user));
    Api.Reply pinAndCode = api.check("user", user, "transaction_id", tx, "pass", PIN + HOTP[0]);
    assertFalse(pinAndCode.value(), "an answer is the code alone: " + pinAndCode.body());
    Api.Reply right = api.check("user", user, "transaction_id", tx, "pass", HOTP[0]);
    assertTrue(right.value(), right.body());
    assertEquals(0, failcount(user));
  }

  @Test
  void aPinAndCodeInOneStepStillWorkUnderThePolicy() {
    String user = userWithHotp();
    policy(user, "challenge_response=hotp");
    assertTrue(api.check("user", user, "pass", PIN + HOTP[0]).value());
  }

  @Test
  void triggerchallengeOpensACodeChallengeWithoutPinOrPolicy() {
    String user = userWithHotp();
    Api.Reply r = api.post("validate/triggerchallenge", form("user", user), admin);
    assertEquals(200, r.status(), r.body());
    assertEquals(1, r.result().getInt("value"), r.body());
    assertEquals("CHALLENGE", r.authentication());
    assertEquals(
        "hotp", r.detail().getJsonArray("multi_challenge").getJsonObject(0).getString("type"));
    String tx = r.detail().getString("transaction_id");
    assertTrue(api.check("user", user, "transaction_id", tx, "pass", HOTP[0]).value());
  }

  @Test
  void otppinUserstoreTakesThePasswordInsteadOfTheTokenPin() {
    String user = userWithHotp();
    policy(user, "otppin=userstore");
    assertFalse(
        api.check("user", user, "pass", PIN + HOTP[0]).value(), "the token PIN no longer counts");
    assertTrue(api.check("user", user, "pass", PASSWORD + HOTP[1]).value());
    assertFalse(api.check("user", user, "pass", "wrong-Passw0rd" + HOTP[2]).value());
  }

  @Test
  void otppinNoneTakesTheCodeAlone() {
    String user = userWithHotp();
    policy(user, "otppin=none");
    assertFalse(api.check("user", user, "pass", PIN + HOTP[0]).value());
    assertTrue(api.check("user", user, "pass", HOTP[1]).value());
  }

  @Test
  void passOnNoTokenAcceptsAUserWithoutTokensAndNamesThePolicy() {
    String user = api.newUser(admin, "pnt", PASSWORD);
    assertFalse(api.check("user", user, "pass", "anything").value());
    policy(user, "passOnNoToken");
    Api.Reply r = api.check("user", user, "pass", "anything");
    assertTrue(r.value(), r.body());
    assertTrue(
        r.detail().getString("message").startsWith("user has no token, accepted due to '"),
        r.body());
    String withToken = userWithHotp();
    policy(withToken, "passOnNoToken");
    assertFalse(
        api.check("user", withToken, "pass", "anything").value(),
        "a user with a token must use it");
  }

  @Test
  void passOnNoUserAcceptsAnUnknownUserOnly() {
    String nobody = "nobody" + Long.toHexString(System.nanoTime());
    assertFalse(api.check("user", nobody, "pass", "x").value());
    policy(nobody, "passOnNoUser");
    Api.Reply r = api.check("user", nobody, "pass", "x");
    assertTrue(r.value(), r.body());
    assertTrue(
        r.detail().getString("message").startsWith("user does not exist, accepted due to '"),
        r.body());
  }

  @Test
  void aDisabledPolicyHasNoEffectAndAClientRangeLimitsOne() {
    String user = userWithHotp();
    policy(user, "otppin=none", "client", "192.0.2.0/24");
    assertFalse(
        api.check("user", user, "pass", HOTP[0]).value(), "the test client is not in 192.0.2.0/24");
    assertTrue(api.check("user", user, "pass", PIN + HOTP[0]).value());
    policy(user, "challenge_response=hotp");
    api.post("policy/disable/" + created.get(created.size() - 1), Map.of(), admin);
    assertEquals("REJECT", api.check("user", user, "pass", PIN).authentication());
  }

  @Test
  void conflictingPoliciesOfOnePriorityAreRefused() {
    String user = userWithHotp();
    policy(user, "otppin=none");
    policy(user, "otppin=userstore");
    Api.Reply r = api.check("user", user, "pass", HOTP[0]);
    assertEquals(403, r.status(), r.body());
    assertEquals(303, r.errorCode());
  }
}
