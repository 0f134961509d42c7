package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Enrollment and user policies: forced code length, hash and time step, the first-code check, a
 * token limit per user, and what users may do with their own tokens. Every policy names its test's
 * own user.
 */
class EnrolmentPolicyIT extends OnDefaultServer {

  private static final String PASSWORD = "user-Passw0rd";
  private static final String[] HOTP = {"755224", "287082", "359152", "969429"};

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void removePolicies() {
    created.forEach(name -> api.delete("policy/" + name, admin));
  }

  private void policy(String scope, String user, String action) {
    String name = "e" + Long.toHexString(System.nanoTime());
    Api.Reply r =
        api.post("policy/" + name, form("scope", scope, "action", action, "user", user), admin);
    assertEquals(200, r.status(), r.body());
    created.add(name);
  }

  @Test
  void hotpOtplenForcesTheCodeLengthOfNewTokens() {
    String user = api.newUser(admin, "len", PASSWORD);
    policy("enrollment", user, "hotp_otplen=8");
    String serial = api.enrol(admin, "type", "hotp", "genkey", "1", "user", user);
    assertEquals(8, api.token(admin, serial).getInt("otplen"));
    String other = api.newUser(admin, "len", PASSWORD);
    assertEquals(
        6,
        api.token(admin, api.enrol(admin, "type", "hotp", "genkey", "1", "user", other))
            .getInt("otplen"),
        "a user no policy names keeps the default");
  }

  @Test
  void totpHashlibAndTimestepShapeTheOtpauthUri() {
    String user = api.newUser(admin, "tot", PASSWORD);
    policy("enrollment", user, "totp_hashlib=sha256, totp_timestep=60, totp_otplen=8");
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1", "user", user, "hashlib", "sha1");
    assertEquals(200, r.status(), r.body());
    String uri = r.detail().getJsonObject("googleurl").getString("value");
    assertTrue(uri.contains("algorithm=SHA256"), uri);
    assertTrue(uri.contains("period=60"), uri);
    assertTrue(uri.contains("digits=8"), uri);
  }

  @Test
  void tiqrOcrasuiteSetsTheSuiteOfNewTiqrTokensAndOnlyAppSuitesAreAccepted() {
    String user = api.newUser(admin, "suite", PASSWORD);
    policy("enrollment", user, "tiqr_ocrasuite=OCRA-1:HOTP-SHA256-8:QN10-S");
    String serial = api.enrol(admin, "type", "tiqr", "user", user);
    JsonObject token = api.token(admin, serial);
    assertEquals("OCRA-1:HOTP-SHA256-8:QN10-S", token.getJsonObject("info").getString("ocrasuite"));
    assertEquals(8, token.getInt("otplen"));
    Api.Reply counterSuite =
        api.post(
            "policy/bad" + Long.toHexString(System.nanoTime()),
            form(
                "scope",
                "enrollment",
                "action",
                "tiqr_ocrasuite=OCRA-1:HOTP-SHA1-6:C-QN08",
                "user",
                user),
            admin);
    assertEquals(400, counterSuite.status(), counterSuite.body());
    assertEquals(905, counterSuite.errorCode());
  }

  @Test
  void maxTokenPerUserRefusesOneTooMany() {
    String user = api.newUser(admin, "max", PASSWORD);
    policy("enrollment", user, "max_token_per_user=1");
    api.enrol(admin, "type", "hotp", "genkey", "1", "user", user);
    Api.Reply second = api.init(admin, "type", "totp", "genkey", "1", "user", user);
    assertEquals(403, second.status(), second.body());
    assertEquals(303, second.errorCode());
    assertEquals(
        1,
        api.get("token/", form("user", user), admin)
            .result()
            .getJsonObject("value")
            .getInt("count"));
  }

  @Test
  void verifyEnrollmentMakesNewTokensOfTheTypeWaitForAFirstCode() {
    String user = api.newUser(admin, "ver", PASSWORD);
    policy("enrollment", user, "verify_enrollment=hotp");
    Api.Reply r = api.init(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    assertEquals("verify", r.detail().getString("rollout_state"), r.body());
    assertFalse(
        api.check("user", user, "pass", HOTP[1]).value(), "not usable before the first code");
    Api.Reply confirm =
        api.init(admin, "serial", r.detail().getString("serial"), "verify", HOTP[0]);
    assertEquals(200, confirm.status(), confirm.body());
    assertTrue(api.check("user", user, "pass", HOTP[1]).value());
  }

  @Test
  void userPoliciesDecideWhatUsersMayDoWithTheirTokensAndTheJwtListsIt() {
    String user = api.newUser(admin, "rights", PASSWORD);
    String hotp = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    policy("user", user, "enrollTOTP, delete");
    String jwt = api.login(user, PASSWORD, HOTP[0]);
    Api.Reply again = api.post("auth", form("username", user, "password", PASSWORD), null);
    String tx = again.detail().getString("transaction_id");
    Api.Reply granted =
        api.post("auth", form("username", user, "transaction_id", tx, "password", HOTP[1]), null);
    List<String> rights =
        granted
            .result()
            .getJsonObject("value")
            .getJsonArray("rights")
            .getValuesAs(JsonString.class)
            .stream()
            .map(JsonString::getString)
            .toList();
    assertTrue(rights.containsAll(List.of("enrollTOTP", "delete", "tokenlist")), rights.toString());
    assertFalse(
        rights.contains("enrollHOTP") || rights.contains("disable") || rights.contains("enable"),
        rights.toString());

    Api.Reply hotpRefused = api.init(jwt, "type", "hotp", "genkey", "1");
    assertEquals(403, hotpRefused.status(), hotpRefused.body());
    Api.Reply totp = api.init(jwt, "type", "totp", "genkey", "1");
    assertEquals(200, totp.status(), totp.body());
    Api.Reply disable = api.post("token/disable/" + hotp, form(), jwt);
    assertEquals(403, disable.status(), disable.body());
    assertTrue(api.token(admin, hotp).getBoolean("active"));
    Api.Reply delete = api.delete("token/" + hotp, jwt);
    assertEquals(200, delete.status(), delete.body());
  }

  @Test
  void aUserNoUserPolicyNamesKeepsEveryRight() {
    String user = api.newUser(admin, "free", PASSWORD);
    Api.Reply r = api.post("auth", form("username", user, "password", PASSWORD), null);
    String rights = r.result().getJsonObject("value").getJsonArray("rights").toString();
    assertEquals("[\"enroll\",\"tokenlist\",\"enable\",\"disable\",\"delete\"]", rights);
  }

  @Test
  void tokensCarryEveryFieldOfPrivacyIdeasTokenObject() {
    String user = api.newUser(admin, "fields", PASSWORD);
    String serial = api.enrol(admin, "type", "hotp", "genkey", "1", "user", user);
    JsonObject t = api.token(admin, serial);
    assertEquals(10, t.getInt("count_window"));
    assertEquals(1000, t.getInt("sync_window"));
    assertEquals("builtin", t.getString("resolver"));
    assertFalse(t.getBoolean("user_editable"));
    assertTrue(t.getJsonArray("tokengroup").isEmpty());
    assertEquals("", t.getString("container_serial"));
    String unassigned = api.enrol(admin, "type", "totp", "genkey", "1");
    JsonObject u = api.token(admin, unassigned);
    assertEquals(3, u.getInt("count_window"), "TOTP tries the current step and one either side");
    assertEquals("", u.getString("resolver"));
    assertFalse(u.containsKey("user_editable"), "sent for assigned tokens only");
  }
}
