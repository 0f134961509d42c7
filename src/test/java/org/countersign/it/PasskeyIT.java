package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.countersign.token.passkey.SoftAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Passkeys over the API in privacyIDEA's dialect, with a software authenticator playing browser and
 * device: the two-step {@code /token/init}, then a user-less {@code /validate/initialize} and a
 * {@code /validate/check} with the assertion, which finds the user by the credential. The default
 * server's relying party is {@code localhost}, whose http origins are allowed.
 */
class PasskeyIT extends OnDefaultServer {

  private static final String RP = "localhost";
  private static final String ORIGIN = "http://localhost:8080";

  /** A user and their passkey, registered by {@code authenticator}; returns {user, serial}. */
  private String[] enrolled(SoftAuthenticator authenticator, SoftAuthenticator.Attestation format) {
    String user = api.newUser(admin, "pk", "user-Passw0rd");
    Api.Reply first = api.init(admin, "type", "passkey", "user", user);
    assertTrue(first.value(), first.body());
    JsonObject options = first.detail().getJsonObject("passkey_registration");
    String serial = first.detail().getString("serial");
    assertTrue(serial.startsWith("PIPK"), serial);
    assertEquals("clientwait", first.detail().getString("rollout_state"));
    assertEquals(RP, options.getJsonObject("rp").getString("id"));
    assertEquals(user, options.getJsonObject("user").getString("name"));
    assertTrue(options.getJsonArray("excludeCredentials").isEmpty(), "a first passkey");
    SoftAuthenticator.Registration reg =
        authenticator.register(
            RP,
            ORIGIN,
            b64(options.getString("challenge")),
            b64(options.getJsonObject("user").getString("id")),
            user,
            format,
            true);
    Api.Reply second = complete(user, serial, first.detail().getString("transaction_id"), reg);
    assertTrue(second.value(), second.body());
    assertFalse(second.json().containsKey("detail"), "step two answers no detail");
    return new String[] {user, serial};
  }

  private Api.Reply complete(
      String user, String serial, String transactionId, SoftAuthenticator.Registration reg) {
    return api.init(
        admin,
        "type",
        "passkey",
        "user",
        user,
        "serial",
        serial,
        "transaction_id",
        transactionId,
        "attestationObject",
        reg.attestationObjectBase64Url(),
        "clientDataJSON",
        reg.clientDataJSONBase64Url(),
        "credential_id",
        reg.credentialIdBase64Url(),
        "rawId",
        reg.credentialIdBase64Url(),
        "authenticatorAttachment",
        "platform");
  }

  /** A user-less challenge: {transaction id, challenge}. */
  private String[] initialize() {
    Api.Reply r = api.post("validate/initialize", Api.form("type", "passkey"));
    assertEquals("CHALLENGE", r.authentication(), r.body());
    JsonObject passkey = r.detail().getJsonObject("passkey");
    assertEquals(r.detail().getString("transaction_id"), passkey.getString("transaction_id"));
    assertEquals(RP, passkey.getString("rpId"));
    return new String[] {passkey.getString("transaction_id"), passkey.getString("challenge")};
  }

  private Api.Reply answer(String transactionId, SoftAuthenticator.Assertion a) {
    return api.post(
        "validate/check",
        Api.form(
            "transaction_id",
            transactionId,
            "credential_id",
            a.credentialIdBase64Url(),
            "authenticatorData",
            a.authenticatorDataBase64Url(),
            "clientDataJSON",
            a.clientDataJSONBase64Url(),
            "signature",
            a.signatureBase64Url(),
            "userHandle",
            a.userHandleBase64Url()));
  }

  private Api.Reply signIn(SoftAuthenticator authenticator, String origin, boolean verified) {
    String[] tx = initialize();
    return answer(tx[0], authenticator.authenticate(RP, origin, b64(tx[1]), verified));
  }

  @ParameterizedTest
  @CsvSource({"es256,NONE", "es256,PACKED", "eddsa,NONE", "eddsa,PACKED", "rs256,PACKED"})
  void registersAPasskeyAndAuthenticatesItsOwnerWithoutAUserName(String alg, String format) {
    SoftAuthenticator authenticator = authenticator(alg);
    String[] us = enrolled(authenticator, SoftAuthenticator.Attestation.valueOf(format));

    Api.Reply accepted = signIn(authenticator, ORIGIN, true);
    assertTrue(accepted.value(), accepted.body());
    assertEquals("ACCEPT", accepted.authentication());
    assertEquals(us[0], accepted.detail().getString("username"));
    assertEquals(us[1], accepted.detail().getString("serial"));
    JsonObject token = api.token(admin, us[1]);
    assertEquals("passkey", token.getString("tokentype"));
    assertTrue(token.getBoolean("active"));
  }

  @Test
  void aUsersSecondPasskeyExcludesTheCredentialsTheyAlreadyHave() {
    String[] us = enrolled(SoftAuthenticator.es256(), SoftAuthenticator.Attestation.NONE);
    String first = api.token(admin, us[1]).getJsonObject("info").getString("credential_id");
    Api.Reply waiting = api.init(admin, "type", "passkey", "user", us[0]);
    var exclude =
        waiting.detail().getJsonObject("passkey_registration").getJsonArray("excludeCredentials");
    assertEquals(1, exclude.size(), exclude.toString());
    assertEquals("public-key", exclude.getJsonObject(0).getString("type"));
    assertEquals(first, exclude.getJsonObject(0).getString("id"));

    Api.Reply third = api.init(admin, "type", "passkey", "user", us[0]);
    assertEquals(
        1,
        third
            .detail()
            .getJsonObject("passkey_registration")
            .getJsonArray("excludeCredentials")
            .size(),
        "a passkey still waiting has no credential to exclude");
  }

  @Test
  void aChallengeAnswersOnceAndAReplayedAssertionIsRejectedAndAudited() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    String[] us = enrolled(authenticator, SoftAuthenticator.Attestation.NONE);
    String[] tx = initialize();
    SoftAuthenticator.Assertion a = authenticator.authenticate(RP, ORIGIN, b64(tx[1]), true);
    assertTrue(answer(tx[0], a).value());
    Api.Reply replay = answer(tx[0], a);
    assertFalse(replay.value(), replay.body());
    assertEquals("REJECT", replay.authentication());
    assertEquals("no open challenge for this credential in the transaction", lastCheckInfo(us[1]));
  }

  @Test
  void anAuthenticatorWhoseCounterWentBackIsRefusedAsAClone() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    String[] us = enrolled(authenticator, SoftAuthenticator.Attestation.NONE);
    assertTrue(signIn(authenticator, ORIGIN, true).value());
    assertTrue(signIn(authenticator, ORIGIN, true).value());
    authenticator.setCounter(RP, 1);
    Api.Reply clone = signIn(authenticator, ORIGIN, true);
    assertFalse(clone.value(), clone.body());
    assertTrue(lastCheckInfo(us[1]).contains("cloned authenticator"), lastCheckInfo(us[1]));
  }

  @Test
  void anAuthenticatorWithoutACounterSignsInRepeatedly() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    authenticator.alwaysZeroCounter();
    enrolled(authenticator, SoftAuthenticator.Attestation.NONE);
    assertTrue(signIn(authenticator, ORIGIN, true).value());
    assertTrue(signIn(authenticator, ORIGIN, true).value());
  }

  @Test
  void aForeignOriginAMissingUserVerificationAndABadSignatureAreRejected() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    String[] us = enrolled(authenticator, SoftAuthenticator.Attestation.NONE);
    Api.Reply foreign = signIn(authenticator, "https://evil.example", true);
    assertFalse(foreign.value(), foreign.body());
    assertTrue(lastCheckInfo(us[1]).contains("assertion refused"), lastCheckInfo(us[1]));
    Api.Reply unverified = signIn(authenticator, ORIGIN, false);
    assertFalse(unverified.value(), unverified.body());

    String[] tx = initialize();
    SoftAuthenticator.Assertion a = authenticator.authenticate(RP, ORIGIN, b64(tx[1]), true);
    Api.Reply bad = answer(tx[0], a.withCorruptedSignature());
    assertFalse(bad.value(), bad.body());
    assertEquals(200, bad.status());
    assertTrue(signIn(authenticator, ORIGIN, true).value(), "the passkey still works");
  }

  @Test
  void anUnknownCredentialAndGarbageAreAPlainRejectNeverAnError() {
    SoftAuthenticator stranger = SoftAuthenticator.es256();
    stranger.register(
        RP, ORIGIN, new byte[32], new byte[16], "x", SoftAuthenticator.Attestation.NONE, true);
    Api.Reply unknown = signIn(stranger, ORIGIN, true);
    assertFalse(unknown.value(), unknown.body());
    assertEquals("REJECT", unknown.authentication());

    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    String[] us = enrolled(authenticator, SoftAuthenticator.Attestation.NONE);
    String[] tx = initialize();
    SoftAuthenticator.Assertion a = authenticator.authenticate(RP, ORIGIN, b64(tx[1]), true);
    Api.Reply garbage =
        api.post(
            "validate/check",
            Api.form(
                "transaction_id",
                tx[0],
                "credential_id",
                a.credentialIdBase64Url(),
                "authenticatorData",
                "bm90IGF1dGhlbnRpY2F0b3IgZGF0YQ",
                "clientDataJSON",
                "%%%",
                "signature",
                a.signatureBase64Url()));
    assertEquals(200, garbage.status(), garbage.body());
    assertFalse(garbage.value());
    assertNotEquals("", lastCheckInfo(us[1]));
  }

  @Test
  void aBadRegistrationIsAClearErrorAuditedAndTheTokenStaysWaiting() {
    String user = api.newUser(admin, "pk", "user-Passw0rd");
    Api.Reply first = api.init(admin, "type", "passkey", "user", user);
    JsonObject options = first.detail().getJsonObject("passkey_registration");
    String serial = first.detail().getString("serial");
    SoftAuthenticator.Registration elsewhere =
        SoftAuthenticator.es256()
            .register(
                "evil.example",
                "https://evil.example",
                b64(options.getString("challenge")),
                b64(options.getJsonObject("user").getString("id")),
                user,
                SoftAuthenticator.Attestation.NONE,
                true);
    Api.Reply refused =
        complete(user, serial, first.detail().getString("transaction_id"), elsewhere);
    assertEquals(400, refused.status(), refused.body());
    assertFalse(refused.result().getBoolean("status"));
    assertEquals("clientwait", api.token(admin, serial).getString("rollout_state"));
    List<Map<String, Object>> audit =
        Database.of("payara")
            .rows(
                "SELECT success, info FROM cs_audit WHERE action = 'token_init' AND serial = ?"
                    + " ORDER BY id DESC",
                serial);
    assertEquals(false, audit.get(0).get("success"));

    Api.Reply retried =
        complete(user, serial, first.detail().getString("transaction_id"), elsewhere);
    assertEquals(404, retried.status(), "the enrolment challenge was used up: " + retried.body());

    Api.Reply again = api.init(admin, "type", "passkey", "user", user);
    Api.Reply malformed =
        api.init(
            admin,
            "type",
            "passkey",
            "user",
            user,
            "serial",
            again.detail().getString("serial"),
            "transaction_id",
            again.detail().getString("transaction_id"),
            "attestationObject",
            "AAAA",
            "clientDataJSON",
            "AAAA",
            "credential_id",
            "AAAA");
    assertEquals(400, malformed.status(), malformed.body());
    assertEquals(905, malformed.errorCode(), malformed.body());
  }

  @Test
  void enrolmentNeedsAUserAndInitializeNeedsAPasskeyType() {
    Api.Reply noUser = api.init(admin, "type", "passkey");
    assertEquals(400, noUser.status(), noUser.body());
    assertTrue(noUser.errorMessage().contains("user"), noUser.body());
    Api.Reply hotp = api.post("validate/initialize", Api.form("type", "hotp"));
    assertEquals(400, hotp.status(), hotp.body());
    Api.Reply none = api.post("validate/initialize", Api.form());
    assertEquals(400, none.status(), none.body());
  }

  private String lastCheckInfo(String serial) {
    List<Map<String, Object>> rows =
        Database.of("payara")
            .rows(
                "SELECT info FROM cs_audit WHERE action = 'validate_check' AND serial = ?"
                    + " ORDER BY id DESC",
                serial);
    return rows.isEmpty() ? "" : String.valueOf(rows.get(0).get("info"));
  }

  private static SoftAuthenticator authenticator(String alg) {
    return switch (alg) {
      case "eddsa" -> SoftAuthenticator.eddsa();
      case "rs256" -> SoftAuthenticator.rs256();
      default -> SoftAuthenticator.es256();
    };
  }

  private static byte[] b64(String text) {
    return Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
  }
}
