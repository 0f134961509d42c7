package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /token/} and the administration of single tokens, for admins and for users on their
 * own tokens.
 */
class TokenAdminIT extends OnDefaultServer {

  private static final String RFC_KEY = TokenInitIT.RFC_KEY;
  private static final String PASSWORD = "user-Passw0rd";

  @Test
  void listingShowsEveryDocumentedField() {
    String user = api.newUser(admin, "fields", PASSWORD);
    String serial =
        api.enrol(admin, "type", "totp", "genkey", "1", "user", user, "description", "phone");
    JsonObject t = api.token(admin, serial);
    assertEquals(serial, t.getString("serial"));
    assertEquals("totp", t.getString("tokentype"));
    assertTrue(t.getBoolean("active"));
    assertFalse(t.getBoolean("revoked"));
    assertFalse(t.getBoolean("locked"));
    assertEquals(0, t.getInt("failcount"));
    assertEquals(10, t.getInt("maxfail"));
    assertEquals(0, t.getInt("count"));
    assertEquals(6, t.getInt("otplen"));
    assertEquals("phone", t.getString("description"));
    assertEquals("", t.getString("rollout_state"));
    assertEquals(user, t.getString("username"));
    assertEquals("default", t.getString("user_realm"));
    assertEquals(
        List.of("default"),
        t.getJsonArray("realms").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("sha1", t.getJsonObject("info").getString("hashlib"));
    assertEquals("30", t.getJsonObject("info").getString("timeStep"));
  }

  @Test
  void listingNeverShowsTheSeedOrThePinHash() {
    String user = api.newUser(admin, "secret", PASSWORD);
    String pin = "pin" + Long.toHexString(System.nanoTime());
    api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user, "pin", pin);
    String body = api.get("token/", form("user", user), admin).body();
    assertTrue(body.contains("\"serial\""), body);
    for (String secret :
        List.of(
            RFC_KEY,
            RFC_KEY.toUpperCase(),
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA",
            pin,
            "h1$",
            "otpkey",
            "pin_hash",
            "sealed")) {
      assertFalse(body.contains(secret), "listing contains " + secret);
    }
  }

  @Test
  void listingFiltersByUser() {
    String user = api.newUser(admin, "filter", PASSWORD);
    String other = api.newUser(admin, "filter", PASSWORD);
    String a = api.enrol(admin, "type", "totp", "genkey", "1", "user", user);
    String b = api.enrol(admin, "type", "hotp", "genkey", "1", "user", user);
    api.enrol(admin, "type", "totp", "genkey", "1", "user", other);
    JsonObject value = api.get("token/", form("user", user), admin).result().getJsonObject("value");
    assertEquals(2, value.getInt("count"));
    assertEquals(List.of(a, b), serials(value));
  }

  @Test
  void listingFiltersByType() {
    String user = api.newUser(admin, "type", PASSWORD);
    api.enrol(admin, "type", "totp", "genkey", "1", "user", user);
    String hotp = api.enrol(admin, "type", "hotp", "genkey", "1", "user", user);
    JsonObject value =
        api.get("token/", form("user", user, "type", "hotp"), admin)
            .result()
            .getJsonObject("value");
    assertEquals(1, value.getInt("count"));
    assertEquals(List.of(hotp), serials(value));
  }

  @Test
  void listingFiltersBySerial() {
    String serial = api.enrol(admin, "type", "totp", "genkey", "1");
    JsonObject value =
        api.get("token/", form("serial", serial), admin).result().getJsonObject("value");
    assertEquals(1, value.getInt("count"));
    assertEquals(List.of(serial), serials(value));
  }

  @Test
  void listingPagesWithCountCurrentPrevAndNext() {
    String user = api.newUser(admin, "pages", PASSWORD);
    String a = api.enrol(admin, "type", "totp", "genkey", "1", "user", user);
    String b = api.enrol(admin, "type", "totp", "genkey", "1", "user", user);
    String c = api.enrol(admin, "type", "totp", "genkey", "1", "user", user);
    JsonObject first =
        api.get("token/", form("user", user, "pagesize", "2", "page", "1"), admin)
            .result()
            .getJsonObject("value");
    assertEquals(3, first.getInt("count"));
    assertEquals(1, first.getInt("current"));
    assertEquals(JsonValue.NULL, first.get("prev"));
    assertEquals(2, first.getInt("next"));
    assertEquals(List.of(a, b), serials(first));
    JsonObject second =
        api.get("token/", form("user", user, "pagesize", "2", "page", "2"), admin)
            .result()
            .getJsonObject("value");
    assertEquals(3, second.getInt("count"));
    assertEquals(2, second.getInt("current"));
    assertEquals(1, second.getInt("prev"));
    assertEquals(JsonValue.NULL, second.get("next"));
    assertEquals(List.of(c), serials(second));
  }

  @Test
  void userRoleSeesOnlyOwnTokensEvenWhenAskingForAnotherUser() {
    String user = api.newUser(admin, "own", PASSWORD);
    String other = api.newUser(admin, "own", PASSWORD);
    String mine = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user);
    api.enrol(admin, "type", "totp", "genkey", "1", "user", other);
    String jwt = api.login(user, PASSWORD, "755224");
    assertEquals(
        List.of(mine), serials(api.get("token/", Map.of(), jwt).result().getJsonObject("value")));
    JsonObject value = api.get("token/", form("user", other), jwt).result().getJsonObject("value");
    assertEquals(1, value.getInt("count"));
    assertEquals(List.of(mine), serials(value));
  }

  @Test
  void countFollowsTheLastAcceptedHotpCounter() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    assertTrue(api.check("serial", serial, "pass", "969429").value());
    assertEquals(4, api.token(admin, serial).getInt("count"));
  }

  @Test
  void deleteReturnsOneAndRemovesTheToken() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    Api.Reply r = api.delete("token/" + serial, admin);
    assertEquals(200, r.status(), r.body());
    assertEquals(1, r.intValue());
    assertNull(api.token(admin, serial));
    assertFalse(api.check("serial", serial, "pass", "755224").value());
  }

  @Test
  void unknownSerialIs404WithCode601OnEveryTokenAction() {
    String serial = "NONE-" + Long.toHexString(System.nanoTime());
    List<Api.Reply> replies =
        List.of(
            api.delete("token/" + serial, admin),
            api.post("token/enable/" + serial, Map.of(), admin),
            api.post("token/disable", form("serial", serial), admin),
            api.post("token/reset/" + serial, Map.of(), admin),
            api.post("token/setpin", form("serial", serial, "otppin", "1234"), admin),
            api.post("token/resync/" + serial, form("otp1", "123456", "otp2", "234567"), admin));
    for (Api.Reply r : replies) {
      assertEquals(404, r.status(), r.body());
      assertEquals(601, r.errorCode());
      assertFalse(r.result().getBoolean("status"));
      assertFalse(r.errorMessage().isBlank());
    }
  }

  @Test
  void disabledTokenRejectsACorrectCodeUntilEnabledAgain() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    Api.Reply disabled = api.post("token/disable/" + serial, Map.of(), admin);
    assertEquals(1, disabled.intValue(), disabled.body());
    assertFalse(api.token(admin, serial).getBoolean("active"));
    Api.Reply rejected = api.check("serial", serial, "pass", "755224");
    assertFalse(rejected.value());
    assertEquals("REJECT", rejected.authentication());
    Api.Reply enabled = api.post("token/enable", form("serial", serial), admin);
    assertEquals(1, enabled.intValue(), enabled.body());
    assertTrue(api.token(admin, serial).getBoolean("active"));
    assertTrue(api.check("serial", serial, "pass", "287082").value());
  }

  @Test
  void disableWithSerialInParamsAndEnableWithSerialInPathBothWork() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    assertEquals(1, api.post("token/disable", form("serial", serial), admin).intValue());
    assertFalse(api.token(admin, serial).getBoolean("active"));
    assertEquals(1, api.post("token/enable/" + serial, Map.of(), admin).intValue());
    assertTrue(api.token(admin, serial).getBoolean("active"));
  }

  @Test
  void resetClearsTheFailCounter() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    api.check("serial", serial, "pass", "000000");
    api.check("serial", serial, "pass", "000001");
    assertEquals(2, api.token(admin, serial).getInt("failcount"));
    assertEquals(1, api.post("token/reset", form("serial", serial), admin).intValue());
    assertEquals(0, api.token(admin, serial).getInt("failcount"));
  }

  @Test
  void setpinChangesThePinThatCheckExpects() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "pin", "1111");
    Api.Reply r = api.post("token/setpin/" + serial, form("otppin", "2222"), admin);
    assertEquals(1, r.intValue(), r.body());
    assertFalse(api.check("serial", serial, "pass", "1111755224").value());
    assertTrue(api.check("serial", serial, "pass", "2222755224").value());
  }

  @Test
  void setpinWithSerialInParamsChangesThePin() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    assertEquals(
        1, api.post("token/setpin", form("serial", serial, "otppin", "secret"), admin).intValue());
    assertFalse(api.check("serial", serial, "pass", "755224").value());
    assertTrue(api.check("serial", serial, "pass", "secret287082").value());
  }

  @Test
  void hotpResyncWithTwoConsecutiveCodesFarAheadContinuesFromThere() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    Codes codes = Codes.rfc4226();
    assertFalse(
        api.check("serial", serial, "pass", codes.hotp(50)).value(), "beyond the look-ahead");
    Api.Reply r =
        api.post(
            "token/resync/" + serial, form("otp1", codes.hotp(50), "otp2", codes.hotp(51)), admin);
    assertEquals(1, r.intValue(), r.body());
    assertFalse(
        api.check("serial", serial, "pass", codes.hotp(51)).value(), "otp2 must not be reusable");
    assertTrue(api.check("serial", serial, "pass", codes.hotp(52)).value());
  }

  @Test
  void hotpResyncWithCodesAtOrBeforeTheLastAcceptedCounterReturnsZero() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    Codes codes = Codes.rfc4226();
    assertTrue(api.check("serial", serial, "pass", codes.hotp(5)).value());
    assertEquals(
        0,
        api.post(
                "token/resync",
                form("serial", serial, "otp1", codes.hotp(4), "otp2", codes.hotp(5)),
                admin)
            .intValue());
    assertEquals(
        0,
        api.post(
                "token/resync",
                form("serial", serial, "otp1", codes.hotp(5), "otp2", codes.hotp(6)),
                admin)
            .intValue());
    assertEquals(6, api.token(admin, serial).getInt("count"));
  }

  @Test
  void hotpResyncWithNonConsecutiveCodesReturnsZero() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    Codes codes = Codes.rfc4226();
    Api.Reply r =
        api.post(
            "token/resync/" + serial, form("otp1", codes.hotp(50), "otp2", codes.hotp(52)), admin);
    assertEquals(0, r.intValue(), r.body());
    assertFalse(api.check("serial", serial, "pass", codes.hotp(53)).value());
  }

  @Test
  void totpResyncWithTwoConsecutiveCodesTwentyStepsAheadReturnsOne() {
    Api.Reply init = api.init(admin, "type", "totp", "genkey", "1");
    String serial = init.detail().getString("serial");
    Codes codes = Codes.fromOtpauth(init.detail().getJsonObject("googleurl").getString("value"));
    codes.awayFromStepEdge();
    Api.Reply r =
        api.post(
            "token/resync/" + serial,
            form("otp1", codes.totpStep(20), "otp2", codes.totpStep(21)),
            admin);
    assertEquals(1, r.intValue(), r.body());
    assertFalse(
        api.check("serial", serial, "pass", codes.totpStep(21)).value(),
        "otp2 must not be reusable");
    assertTrue(
        api.check("serial", serial, "pass", codes.totpStep(22)).value(), "the token's next code");
  }

  @Test
  void resyncWithoutSecondCodeIs400WithCode905() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    Api.Reply r = api.post("token/resync/" + serial, form("otp1", "755224"), admin);
    assertEquals(400, r.status());
    assertEquals("ERR905: Missing parameter: 'otp2'", r.errorMessage());
  }

  @Test
  void userMayDisableEnableAndDeleteOwnToken() {
    String user = api.newUser(admin, "owner", PASSWORD);
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user);
    String jwt = api.login(user, PASSWORD, "755224");
    assertEquals(1, api.post("token/disable/" + serial, Map.of(), jwt).intValue());
    assertFalse(api.token(admin, serial).getBoolean("active"));
    assertEquals(1, api.post("token/enable", form("serial", serial), jwt).intValue());
    assertTrue(api.token(admin, serial).getBoolean("active"));
    assertEquals(1, api.delete("token/" + serial, jwt).intValue());
    assertNull(api.token(admin, serial));
  }

  @Test
  void userGets404ForSomeoneElsesTokenAndItStaysUntouched() {
    String user = api.newUser(admin, "nosy", PASSWORD);
    String other = api.newUser(admin, "victim", PASSWORD);
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", other);
    String jwt = api.login(user, PASSWORD);
    for (Api.Reply r :
        List.of(
            api.post("token/disable/" + serial, Map.of(), jwt),
            api.post("token/enable", form("serial", serial), jwt),
            api.delete("token/" + serial, jwt))) {
      assertEquals(404, r.status(), r.body());
      assertEquals(601, r.errorCode());
    }
    JsonObject t = api.token(admin, serial);
    assertNotNull(t);
    assertTrue(t.getBoolean("active"));
  }

  @Test
  void userRoleOnResetSetpinAndResyncIs403EvenForOwnToken() {
    String user = api.newUser(admin, "limited", PASSWORD);
    String serial =
        api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user, "pin", "1234");
    String jwt = api.login(user, PASSWORD, "755224");
    for (Api.Reply r :
        List.of(
            api.post("token/reset/" + serial, Map.of(), jwt),
            api.post("token/setpin/" + serial, form("otppin", "0000"), jwt),
            api.post("token/resync/" + serial, form("otp1", "755224", "otp2", "287082"), jwt))) {
      assertEquals(403, r.status(), r.body());
      assertEquals(303, r.errorCode());
    }
    assertTrue(
        api.check("serial", serial, "pass", "1234287082").value(),
        "PIN unchanged, and the counter where the sign-in left it");
  }

  private static List<String> serials(JsonObject value) {
    return value.getJsonArray("tokens").stream()
        .map(v -> v.asJsonObject().getString("serial"))
        .toList();
  }
}
