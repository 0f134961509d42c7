package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/**
 * What the server keeps (secrets only sealed or hashed, the key file private, one audit row per
 * action) and how it answers input it cannot use: always the JSON error envelope, never a stack
 * trace, HTML or a 500.
 */
class StorageAndInputIT extends OnDefaultServer {

  private static final String PASSWORD = "user-Passw0rd";

  /** Every endpoint that reads a body, and whether it needs the admin JWT. */
  private static final Map<String, Boolean> BODY_ENDPOINTS =
      Map.of(
          "auth",
          false,
          "validate/check",
          false,
          "token/init",
          true,
          "user/",
          true,
          "token/enable",
          true,
          "token/disable",
          true,
          "token/reset",
          true,
          "token/setpin",
          true,
          "token/resync",
          true);

  final Database db = Database.of("payara");

  @Test
  void seedAndPinAppearNowhereInTheDatabaseInClear() {
    byte[] seed = new byte[20];
    new SecureRandom().nextBytes(seed);
    String hex = HexFormat.of().formatHex(seed);
    String pin = "clearpin" + Long.toHexString(System.nanoTime());
    String serial = api.enrol(admin, "type", "totp", "otpkey", hex, "pin", pin);
    String script = db.script();
    assertTrue(script.contains(serial), "the dump does not hold the token row");
    for (String form :
        List.of(
            hex,
            hex.toUpperCase(),
            new Base32().encodeToString(seed).replace("=", ""),
            Base64.getEncoder().encodeToString(seed),
            Base64.getEncoder().withoutPadding().encodeToString(seed),
            Base64.getUrlEncoder().withoutPadding().encodeToString(seed),
            pin)) {
      assertFalse(script.contains(form), "stored in clear: " + form);
    }
  }

  @Test
  void tokenPinIsStoredAsKeyedHash() {
    String serial = api.enrol(admin, "type", "hotp", "genkey", "1", "pin", "4711");
    List<Map<String, Object>> rows =
        db.rows("SELECT pin_hash, sealed_secret FROM cs_token WHERE serial = ?", serial);
    assertEquals(1, rows.size());
    String hash = (String) rows.get(0).get("pin_hash");
    assertTrue(hash.startsWith("h1$"), hash);
    assertFalse(hash.contains("4711"));
    assertNotNull(rows.get(0).get("sealed_secret"));
  }

  @Test
  void userPasswordIsStoredAsPbkdf2Hash() {
    String user = api.newUser(admin, "stored", PASSWORD);
    List<Map<String, Object>> rows =
        db.rows("SELECT password_hash FROM cs_user WHERE username = ?", user);
    assertEquals(1, rows.size());
    String hash = (String) rows.get(0).get("password_hash");
    assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
    assertFalse(hash.contains(PASSWORD));
  }

  @Test
  void keyFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
    var key = Deployments.dataDir("payara").toPath().resolve("countersign.key");
    assertTrue(Files.exists(key), key.toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void everyAdminActionAndAuthenticationWritesOneAuditRow() {
    LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(5);
    String user = api.newUser(admin, "audited", PASSWORD);
    api.login(user, PASSWORD);
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    assertTrue(api.check("user", user, "pass", "755224").value());
    assertFalse(api.check("user", user, "pass", "000000").value());
    api.post("token/disable/" + serial, Map.of(), admin);
    api.post("token/enable/" + serial, Map.of(), admin);
    api.post("token/reset/" + serial, Map.of(), admin);
    api.post("token/setpin/" + serial, form("otppin", "1"), admin);
    api.post("token/resync/" + serial, form("otp1", "338314", "otp2", "254676"), admin);
    api.delete("token/" + serial, admin);
    LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(5);
    List<Map<String, Object>> rows =
        db.rows(
            "SELECT action, success, client, acting_user, at_utc FROM cs_audit WHERE username = ? ORDER BY id",
            user);
    assertEquals(
        List.of(
            "user_create",
            "auth",
            "token_init",
            "validate_check",
            "validate_check",
            "token_disable",
            "token_enable",
            "token_reset",
            "token_setpin",
            "token_resync",
            "token_delete"),
        rows.stream().map(r -> r.get("action")).toList());
    assertEquals(
        List.of(true, true, true, true, false, true, true, true, true, true, true),
        rows.stream().map(r -> r.get("success")).toList());
    for (Map<String, Object> row : rows) {
      assertEquals("127.0.0.1", row.get("client"), row.toString());
      Object raw = row.get("at_utc");
      LocalDateTime at =
          raw instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) raw;
      assertTrue(!at.isBefore(before) && !at.isAfter(after), "not UTC now: " + row);
    }
    assertEquals("admin", rows.get(2).get("acting_user"));
  }

  @Test
  void failedLoginIsAudited() {
    String name = "intruder" + Long.toHexString(System.nanoTime());
    assertEquals(401, api.post("auth", form("username", name, "password", "guess-guess")).status());
    List<Map<String, Object>> rows =
        db.rows("SELECT action, success, result FROM cs_audit WHERE username = ?", name);
    assertEquals(1, rows.size(), rows.toString());
    assertEquals("auth", rows.get(0).get("action"));
    assertEquals(false, rows.get(0).get("success"));
  }

  @Test
  void jsonBodyThatIsNotAnObjectIsAParameterErrorOnEveryEndpoint() {
    BODY_ENDPOINTS.forEach(
        (path, needsJwt) ->
            assertEnvelope(
                400,
                905,
                api.postJson(path, "[\"user\",\"pass\"]", needsJwt ? admin : null),
                path));
  }

  @Test
  void malformedJsonIsAParameterErrorOnEveryEndpoint() {
    BODY_ENDPOINTS.forEach(
        (path, needsJwt) ->
            assertEnvelope(
                400,
                905,
                api.postJson(path, "{\"user\": \"x\", \"pass\":", needsJwt ? admin : null),
                path));
  }

  @Test
  void jsonValueThatIsAnObjectIsAParameterError() {
    assertEnvelope(
        400,
        905,
        api.postJson("validate/check", "{\"user\":{\"a\":1},\"pass\":\"1\"}", null),
        "check");
  }

  @Test
  void valueLongerThan2048CharactersIsAParameterErrorOnEveryEndpoint() {
    String longValue = "a".repeat(2049);
    BODY_ENDPOINTS.forEach(
        (path, needsJwt) ->
            assertEnvelope(
                400,
                905,
                api.post(
                    path,
                    form("user", longValue, "username", longValue, "serial", longValue),
                    needsJwt ? admin : null),
                path));
    assertEnvelope(
        400, 905, api.get("validate/check", form("user", longValue, "pass", "1")), "GET check");
    assertEnvelope(400, 905, api.get("token/", form("serial", longValue), admin), "GET token");
    assertEnvelope(
        400,
        905,
        api.postJson("validate/check", "{\"user\":\"" + longValue + "\",\"pass\":\"1\"}", null),
        "JSON check");
  }

  @Test
  void checkForAUserNameOf2048CharactersIsAnOrdinaryReject() {
    Api.Reply r = api.check("user", "a".repeat(2048), "pass", "123456");
    assertEquals(200, r.status(), r.body());
    assertFalse(r.value());
    assertEquals("REJECT", r.authentication());
  }

  @Test
  void checkForAUserNameLongerThanAnyStoredNameIsAnOrdinaryReject() {
    Api.Reply r = api.check("user", "u".repeat(65), "pass", "123456");
    assertEquals(200, r.status(), r.body());
    assertFalse(r.value());
  }

  @Test
  void checkInARealmWithALongNameIsAnOrdinaryReject() {
    String user = api.newUser(admin, "realm", PASSWORD);
    Api.Reply r = api.check("user", user, "realm", "r".repeat(65), "pass", "123456");
    assertEquals(200, r.status(), r.body());
    assertFalse(r.value());
  }

  @Test
  void loginWithALongUserNameIsWrongCredentials() {
    Api.Reply r = api.post("auth", form("username", "u".repeat(65), "password", PASSWORD));
    assertEquals(401, r.status(), r.body());
    assertEquals(4031, r.errorCode());
  }

  @Test
  void bodyOver64KibIs413WithTheEnvelope() {
    byte[] body = ("user=x&pass=" + "a".repeat(70 * 1024)).getBytes(StandardCharsets.US_ASCII);
    assertEnvelope(
        413,
        905,
        api.postRaw("validate/check", "application/x-www-form-urlencoded", body, null),
        "sized body");
  }

  @Test
  void chunkedBodyOver64KibIs413WithTheEnvelope() {
    byte[] body = ("user=x&pass=" + "a".repeat(70 * 1024)).getBytes(StandardCharsets.US_ASCII);
    Api.Reply r =
        api.send(
            api.request("validate/check", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));
    assertEnvelope(413, 905, r, "chunked body");
  }

  @Test
  void unknownPathIs404WithCode601Envelope() {
    assertEnvelope(404, 601, api.get("nosuch/path", Map.of()), "GET unknown");
    assertEnvelope(404, 601, api.post("nosuch", Map.of()), "POST unknown");
    assertEnvelope(
        404, 601, api.get("token/init/extra/segments", Map.of(), admin), "GET unknown under token");
    assertEnvelope(404, 601, api.get("validate/nosuch", Map.of()), "GET unknown under validate");
  }

  @Test
  void wrongMethodIs405WithEnvelope() {
    assertEnvelope(405, 905, api.get("auth", Map.of()), "GET auth");
    assertEnvelope(405, 905, api.get("token/init", Map.of(), admin), "GET token/init");
    assertEnvelope(405, 905, api.delete("validate/check", null), "DELETE check");
    assertEnvelope(
        405,
        905,
        api.send(
            api.request("validate/check", null)
                .method("PUT", HttpRequest.BodyPublishers.ofString("user=x&pass=1"))
                .header("Content-Type", "application/x-www-form-urlencoded")),
        "PUT check");
  }

  @Test
  void malformedFormEncodingIsAParameterError() {
    assertEnvelope(
        400,
        905,
        api.postRaw(
            "validate/check",
            "application/x-www-form-urlencoded",
            "user=%zz&pass=1".getBytes(StandardCharsets.US_ASCII),
            null),
        "bad percent-encoding");
  }

  @Test
  void nonNumericPageIsAParameterError() {
    assertEnvelope(400, 905, api.get("token/", form("page", "first"), admin), "page=first");
    assertEnvelope(400, 905, api.get("token/", form("pagesize", "0"), admin), "pagesize=0");
  }

  @Test
  void genkeyThatIsNotAFlagIsAParameterError() {
    assertEnvelope(400, 905, api.init(admin, "type", "totp", "genkey", "maybe"), "genkey=maybe");
  }

  private static void assertEnvelope(int status, int code, Api.Reply r, String what) {
    assertEquals(status, r.status(), what + ": " + r.body());
    assertNotNull(r.json(), what + " is not JSON: " + r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
    assertEquals("2.0", r.json().getString("jsonrpc"), what);
    assertFalse(r.result().getBoolean("status"), what);
    assertEquals(code, r.errorCode(), what + ": " + r.body());
    assertFalse(r.errorMessage().isBlank(), what);
    if (status == 400) {
      assertTrue(r.errorMessage().startsWith("ERR" + code + ": "), what + ": " + r.errorMessage());
    }
    assertFalse(
        r.body().contains("Exception") || r.body().contains("<html"), what + ": " + r.body());
    assertTrue(r.json().containsKey("time"), what);
  }
}
