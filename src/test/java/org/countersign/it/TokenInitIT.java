package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /token/init} for TOTP and HOTP: the provisioning details, the options, and every
 * refusal.
 */
class TokenInitIT extends OnDefaultServer {

  static final String RFC_KEY = "3132333435363738393031323334353637383930";
  private static final String PASSWORD = "user-Passw0rd";

  @Test
  void totpWithGenkeyReturnsSerialRolloutStateAndOtpauthUri() {
    String user = api.newUser(admin, "totp", PASSWORD);
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1", "user", user);
    assertEquals(200, r.status(), r.body());
    assertEquals(JsonValue.TRUE, r.result().get("value"));
    JsonObject d = r.detail();
    assertTrue(d.getString("serial").matches("TOTP[0-9A-F]{8}"), d.getString("serial"));
    assertEquals("", d.getString("rollout_state"));
    JsonObject google = d.getJsonObject("googleurl");
    assertFalse(google.getString("description").isEmpty());
    Matcher m =
        Pattern.compile(
                "otpauth://totp/Countersign:"
                    + user
                    + "\\?secret=([A-Z2-7]+)&issuer=Countersign&algorithm=SHA1&digits=6&period=30")
            .matcher(google.getString("value"));
    assertTrue(m.matches(), google.getString("value"));
    JsonObject otpkey = d.getJsonObject("otpkey");
    assertEquals(m.group(1), otpkey.getString("value_b32"));
    assertTrue(otpkey.getString("value").startsWith("seed://"));
    byte[] seed = HexFormat.of().parseHex(otpkey.getString("value").substring("seed://".length()));
    assertTrue(seed.length >= 20, "seed of " + seed.length + " bytes");
    assertEquals(
        HexFormat.of().formatHex(seed), HexFormat.of().formatHex(new Base32().decode(m.group(1))));
  }

  @Test
  void googleurlImageDecodesToExactlyTheOtpauthUri() {
    JsonObject google =
        api.init(admin, "type", "totp", "genkey", "1").detail().getJsonObject("googleurl");
    assertTrue(google.getString("img").startsWith(QrImages.PNG_PREFIX));
    assertEquals(google.getString("value"), QrImages.decode(google.getString("img")));
  }

  @Test
  void otpkeyImageDecodesToExactlyTheSeedUri() {
    JsonObject otpkey =
        api.init(admin, "type", "hotp", "genkey", "1").detail().getJsonObject("otpkey");
    assertEquals(otpkey.getString("value"), QrImages.decode(otpkey.getString("img")));
  }

  @Test
  void totpCodeComputedFromTheOtpauthUriIsAccepted() {
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1");
    Codes codes = Codes.fromOtpauth(r.detail().getJsonObject("googleurl").getString("value"));
    String serial = r.detail().getString("serial");
    Api.Reply check = api.check("serial", serial, "pass", codes.totpNow());
    assertTrue(check.value(), check.body());
  }

  @Test
  void hotpWithGenkeyHasCounterUriAndAcceptsItsFirstCode() {
    String user = api.newUser(admin, "hotp", PASSWORD);
    Api.Reply r = api.init(admin, "type", "hotp", "genkey", "1", "user", user);
    assertEquals(200, r.status(), r.body());
    String serial = r.detail().getString("serial");
    assertTrue(serial.matches("OATH[0-9A-F]{8}"), serial);
    String uri = r.detail().getJsonObject("googleurl").getString("value");
    assertTrue(
        uri.matches(
            "otpauth://hotp/Countersign:"
                + user
                + "\\?secret=[A-Z2-7]+&issuer=Countersign&algorithm=SHA1&digits=6&counter=0"),
        uri);
    assertTrue(api.check("user", user, "pass", Codes.fromOtpauth(uri).hotp(0)).value());
  }

  @Test
  void typeDefaultsToHotp() {
    String serial = api.enrol(admin, "genkey", "1");
    assertEquals("hotp", api.token(admin, serial).getString("tokentype"));
  }

  @Test
  void hotpWithRfc4226KeyAcceptsTheRfcCodesInOrder() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY);
    String[] rfc = {
      "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
      "520489"
    };
    for (String code : rfc) {
      Api.Reply r = api.check("serial", serial, "pass", code);
      assertTrue(r.value(), code + ": " + r.body());
    }
  }

  @Test
  void otplen8GivesEightDigitUriAndEightDigitCodesVerify() {
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1", "otplen", "8");
    String uri = r.detail().getJsonObject("googleurl").getString("value");
    assertTrue(uri.contains("&digits=8"), uri);
    Codes codes = Codes.fromOtpauth(uri);
    String serial = r.detail().getString("serial");
    assertEquals(8, api.token(admin, serial).getInt("otplen"));
    String code = codes.totpNow();
    assertEquals(8, code.length());
    assertTrue(api.check("serial", serial, "pass", code).value());
  }

  @Test
  void otplen6IsAccepted() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "otplen", "6");
    assertEquals(6, api.token(admin, serial).getInt("otplen"));
    assertTrue(api.check("serial", serial, "pass", "755224").value());
  }

  @Test
  void hashlibSha1IsTheDefaultAndVerifies() {
    assertHashlibWorks("sha1", "SHA1", 20);
  }

  @Test
  void hashlibSha256GivesSha256UriAndVerifies() {
    assertHashlibWorks("sha256", "SHA256", 32);
  }

  @Test
  void hashlibSha512GivesSha512UriAndVerifies() {
    assertHashlibWorks("sha512", "SHA512", 64);
  }

  private void assertHashlibWorks(String hashlib, String uriName, int seedBytes) {
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1", "hashlib", hashlib);
    assertEquals(200, r.status(), r.body());
    String uri = r.detail().getJsonObject("googleurl").getString("value");
    assertTrue(uri.contains("&algorithm=" + uriName + "&"), uri);
    Codes codes = Codes.fromOtpauth(uri);
    assertTrue(codes.seed().length >= seedBytes, codes.seed().length + " bytes");
    String serial = r.detail().getString("serial");
    assertEquals(hashlib, api.token(admin, serial).getJsonObject("info").getString("hashlib"));
    Api.Reply check = api.check("serial", serial, "pass", codes.totpNow());
    assertTrue(check.value(), check.body());
  }

  @Test
  void timeStep60GivesPeriod60AndSixtySecondCodesVerify() {
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1", "timeStep", "60");
    String uri = r.detail().getJsonObject("googleurl").getString("value");
    assertTrue(uri.endsWith("&period=60"), uri);
    String serial = r.detail().getString("serial");
    assertEquals("60", api.token(admin, serial).getJsonObject("info").getString("timeStep"));
    Codes codes = Codes.fromOtpauth(uri);
    codes.awayFromStepEdge();
    assertTrue(api.check("serial", serial, "pass", codes.totpNow()).value());
  }

  @Test
  void timeStep30IsRecordedInInfo() {
    String serial = api.enrol(admin, "type", "totp", "genkey", "1", "timeStep", "30");
    assertEquals("30", api.token(admin, serial).getJsonObject("info").getString("timeStep"));
  }

  @Test
  void givenSerialIsUsed() {
    String serial = "MINE-" + Long.toHexString(System.nanoTime());
    Api.Reply r = api.init(admin, "type", "totp", "genkey", "1", "serial", serial);
    assertEquals(serial, r.detail().getString("serial"));
    assertEquals(serial, api.token(admin, serial).getString("serial"));
  }

  @Test
  void pinMustPrecedeTheCode() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "pin", "4711");
    assertFalse(api.check("serial", serial, "pass", "755224").value());
    assertTrue(api.check("serial", serial, "pass", "4711755224").value());
  }

  @Test
  void descriptionIsShownInTheListing() {
    String serial = api.enrol(admin, "type", "totp", "genkey", "1", "description", "Laptop app");
    assertEquals("Laptop app", api.token(admin, serial).getString("description"));
  }

  @Test
  void descriptionOf255CharactersIsAccepted() {
    String serial = api.enrol(admin, "type", "totp", "genkey", "1", "description", "d".repeat(255));
    assertEquals(255, api.token(admin, serial).getString("description").length());
  }

  @Test
  void userRoleEnrolsATokenForThemselves() {
    String user = api.newUser(admin, "self", PASSWORD);
    String serial = api.enrol(api.login(user, PASSWORD), "type", "totp", "genkey", "1");
    assertEquals(user, api.token(admin, serial).getString("username"));
  }

  @Test
  void userRoleCannotEnrolForSomeoneElse() {
    String user = api.newUser(admin, "self", PASSWORD);
    String other = api.newUser(admin, "other", PASSWORD);
    String serial = "FOR-" + Long.toHexString(System.nanoTime());
    Api.Reply r =
        api.init(
            api.login(user, PASSWORD),
            "type",
            "totp",
            "genkey",
            "1",
            "user",
            other,
            "serial",
            serial);
    assertEquals(403, r.status(), r.body());
    assertEquals(303, r.errorCode());
    assertNull(api.token(admin, serial));
  }

  @Test
  void genkeyTogetherWithOtpkeyIsRefused() {
    assertRefusedWithoutToken(905, "type", "hotp", "genkey", "1", "otpkey", RFC_KEY);
  }

  @Test
  void neitherGenkeyNorOtpkeyIsRefused() {
    assertRefusedWithoutToken(905, "type", "totp");
  }

  @Test
  void nonHexOtpkeyIsRefused() {
    assertRefusedWithoutToken(905, "type", "hotp", "otpkey", "zz" + RFC_KEY.substring(2));
  }

  @Test
  void tooShortOtpkeyIsRefused() {
    assertRefusedWithoutToken(905, "type", "hotp", "otpkey", "31323334353637383930");
  }

  @Test
  void otplen7IsRefused() {
    assertRefusedWithoutToken(905, "type", "totp", "genkey", "1", "otplen", "7");
  }

  @Test
  void hashlibMd5IsRefused() {
    assertRefusedWithoutToken(905, "type", "totp", "genkey", "1", "hashlib", "md5");
  }

  @Test
  void timeStep45IsRefused() {
    assertRefusedWithoutToken(905, "type", "totp", "genkey", "1", "timeStep", "45");
  }

  @Test
  void unknownTypeIsRefused() {
    assertRefusedWithoutToken(905, "type", "sms", "genkey", "1");
  }

  @Test
  void unknownUserIsRefusedWithCode904() {
    assertRefusedWithoutToken(
        904, "type", "totp", "genkey", "1", "user", "nobody" + System.nanoTime());
  }

  @Test
  void descriptionLongerThan255CharactersIsRefused() {
    assertRefusedWithoutToken(905, "type", "totp", "genkey", "1", "description", "d".repeat(256));
  }

  @Test
  void duplicateSerialIsRefusedWithCode301AndLeavesTheFirstTokenAlone() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "description", "first");
    Api.Reply r =
        api.init(admin, "type", "totp", "genkey", "1", "serial", serial, "description", "second");
    assertEquals(400, r.status(), r.body());
    assertEquals(301, r.errorCode());
    assertTrue(r.errorMessage().startsWith("ERR301: "), r.errorMessage());
    JsonObject first = api.token(admin, serial);
    assertEquals("hotp", first.getString("tokentype"));
    assertEquals("first", first.getString("description"));
    assertTrue(api.check("serial", serial, "pass", "755224").value());
  }

  private void assertRefusedWithoutToken(int code, String... pairs) {
    String serial = "REFUSED-" + Long.toHexString(System.nanoTime());
    List<String> all = new ArrayList<>(List.of(pairs));
    all.add("serial");
    all.add(serial);
    Api.Reply r = api.init(admin, all.toArray(String[]::new));
    assertEquals(400, r.status(), r.body());
    assertNotNull(r.json(), r.body());
    assertEquals(JsonValue.NULL, r.json().get("detail"));
    assertFalse(r.result().getBoolean("status"));
    assertEquals(code, r.errorCode());
    assertTrue(r.errorMessage().startsWith("ERR" + code + ": "), r.errorMessage());
    assertNull(api.token(admin, serial), "a token was created");
    assertEquals(
        0,
        api.get("token/", Map.of("serial", serial), admin)
            .result()
            .getJsonObject("value")
            .getInt("count"));
  }
}
