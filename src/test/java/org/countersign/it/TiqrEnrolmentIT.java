package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * TiQR enrolment as the app sees it: {@code /token/init type=tiqr}, the QR code, the metadata at
 * {@code /ttype/tiqr?action=metadata} and the registration of the app's secret.
 */
class TiqrEnrolmentIT extends OnDefaultServer {

  private static final Pattern ENROL_URL =
      Pattern.compile(
          "tiqrenroll://(https?://[^?]+/ttype/tiqr)\\?action=metadata&session=([0-9a-f]{32})&serial=(\\S+)");
  private static final String PIN = "4711";

  @Test
  void initReturnsTiqrenrollQrCodeOfTheMetadataUrlInClientwait() {
    String user = api.newUser(admin, "tqinit", TiqrFixture.PASSWORD);
    Api.Reply r =
        api.init(admin, "type", "tiqr", "user", user, "pin", PIN, "description", "my phone");
    assertEquals(200, r.status(), r.body());
    String serial = r.detail().getString("serial");
    assertTrue(serial.startsWith("TiQR"), serial);
    assertEquals("clientwait", r.detail().getString("rollout_state"));
    JsonObject enroll = r.detail().getJsonObject("tiqrenroll");
    assertFalse(enroll.getString("description").isBlank());
    String value = enroll.getString("value");
    Matcher m = ENROL_URL.matcher(value);
    assertTrue(m.matches(), value);
    assertEquals(serial, m.group(3));
    assertEquals(value, TiqrAppSimulator.scan(enroll.getString("img")));

    JsonObject token = api.token(admin, serial);
    assertEquals("tiqr", token.getString("tokentype"));
    assertEquals("clientwait", token.getString("rollout_state"));
    assertEquals(user, token.getString("username"));
    assertEquals("my phone", token.getString("description"));
  }

  @Test
  void initWithoutUserIs400WithCode905() {
    Api.Reply r = api.init(admin, "type", "tiqr", "pin", PIN);
    assertEquals(400, r.status(), r.body());
    assertEquals(905, r.errorCode());
    assertFalse(r.result().getBoolean("status"));
  }

  @Test
  void userMayEnrolATiqrTokenForThemselves() {
    String user = api.newUser(admin, "tqself", TiqrFixture.PASSWORD);
    String userJwt = api.login(user, TiqrFixture.PASSWORD);
    Api.Reply r = api.init(userJwt, "type", "tiqr", "pin", PIN);
    assertEquals(200, r.status(), r.body());
    String serial = r.detail().getString("serial");
    assertEquals(user, api.token(admin, serial).getString("username"));

    TiqrAppSimulator app = new TiqrAppSimulator(api);
    assertEquals(
        200, app.fetchMetadata(r.detail().getJsonObject("tiqrenroll").getString("value")).status());
    assertEquals(user + "_default", app.identity());
    assertEquals("OK", app.register().body());
    assertEquals("enrolled", api.token(admin, serial).getString("rollout_state"));
  }

  @Test
  void metadataDescribesTheServiceAndTheOwnersIdentity() {
    String user = api.newUser(admin, "tqmeta", TiqrFixture.PASSWORD);
    Api.Reply init = api.init(admin, "type", "tiqr", "user", user, "pin", PIN);
    TiqrAppSimulator app = new TiqrAppSimulator(api);
    Api.Reply r = app.fetchMetadata(TiqrAppSimulator.scan(imageOf(init)));
    assertEquals(200, r.status(), r.body());
    assertFalse(r.json().containsKey("result"), "raw JSON, not the envelope: " + r.body());
    assertTrue(contentType(r).startsWith("application/json"), contentType(r));

    JsonObject service = r.json().getJsonObject("service");
    for (String key : new String[] {"displayName", "identifier", "logoUrl", "infoUrl"}) {
      assertNotNull(service.getString(key, null), key);
    }
    assertEquals("OCRA-1:HOTP-SHA1-6:QH10-S", service.getString("ocraSuite"));
    Matcher m = ENROL_URL.matcher(init.detail().getJsonObject("tiqrenroll").getString("value"));
    assertTrue(m.matches());
    String endpoint = m.group(1);
    assertEquals(endpoint, service.getString("authenticationUrl"));
    assertTrue(
        service.getString("enrollmentUrl").startsWith(endpoint + "?action=enrollment&session="),
        service.getString("enrollmentUrl"));

    JsonObject identity = r.json().getJsonObject("identity");
    assertEquals(user + "_default", identity.getString("identifier"));
    assertEquals("Test tqmeta", identity.getString("displayName"));
  }

  @Test
  void metadataWithWrongSessionIs400Envelope() {
    Api.Reply init = newTiqrToken("tqmetabad");
    String url = sessionReplaced(init.detail().getJsonObject("tiqrenroll").getString("value"));
    Api.Reply r = new TiqrAppSimulator(api).fetchMetadata(url);
    assertEquals(400, r.status(), r.body());
    assertFalse(r.result().getBoolean("status"));
    assertEquals(905, r.errorCode());
  }

  @Test
  void metadataOfUnknownSerialIs404WithCode601() {
    Api.Reply init = newTiqrToken("tqmeta404");
    String url =
        init.detail()
            .getJsonObject("tiqrenroll")
            .getString("value")
            .replaceFirst("&serial=[^&]+$", "&serial=TiQRnosuchtoken");
    Api.Reply r = new TiqrAppSimulator(api).fetchMetadata(url);
    assertEquals(404, r.status(), r.body());
    assertFalse(r.result().getBoolean("status"));
    assertEquals(601, r.errorCode());
  }

  @Test
  void registrationAnswersOkAsTextAndTheTokenBecomesEnrolled() {
    Api.Reply init = newTiqrToken("tqreg");
    String serial = init.detail().getString("serial");
    TiqrAppSimulator app = scannedApp(init);
    Api.Reply r = app.register();
    assertEquals(200, r.status(), r.body());
    assertEquals("OK", r.body());
    assertTrue(contentType(r).startsWith("text/plain"), contentType(r));
    assertEquals("enrolled", api.token(admin, serial).getString("rollout_state"));
  }

  @Test
  void registeringAgainWithTheUsedSessionIs400AndKeepsTheFirstSecret() {
    Api.Reply init = newTiqrToken("tqreuse");
    String serial = init.detail().getString("serial");
    TiqrAppSimulator app = scannedApp(init);
    assertEquals("OK", app.register().body());
    String user = api.token(admin, serial).getString("username");

    Api.Reply again = app.register("ff".repeat(32));
    assertEquals(400, again.status(), again.body());
    assertEquals(905, again.errorCode());
    assertEquals("enrolled", api.token(admin, serial).getString("rollout_state"));

    Api.Reply challenge = api.check("user", user, "pass", PIN);
    assertEquals("CHALLENGE", challenge.authentication(), challenge.body());
    assertEquals(
        "OK", app.login(TiqrFixture.scanned(challenge)).body(), "the first secret still answers");
  }

  @Test
  void registrationWithWrongSessionIs400AndTheTokenStaysInClientwait() {
    Api.Reply init = newTiqrToken("tqregbad");
    String serial = init.detail().getString("serial");
    TiqrAppSimulator app = scannedApp(init);
    String tampered =
        sessionReplaced(app.metadata().getJsonObject("service").getString("enrollmentUrl"));
    Api.Reply r = app.registerAt(tampered, "ab".repeat(32));
    assertEquals(400, r.status(), r.body());
    assertEquals(905, r.errorCode());
    assertEquals("clientwait", api.token(admin, serial).getString("rollout_state"));
  }

  @Test
  void secretShorterThan20BytesIs400AndTheSessionStillWorksAfterwards() {
    assertBadSecretLeavesTokenEnrollable("ab".repeat(19));
  }

  @Test
  void secretThatIsNotHexIs400AndTheSessionStillWorksAfterwards() {
    assertBadSecretLeavesTokenEnrollable("zz".repeat(32));
  }

  @Test
  void tokenWaitingForItsAppOpensNoChallenge() {
    String user = api.newUser(admin, "tqwait", TiqrFixture.PASSWORD);
    api.enrol(admin, "type", "tiqr", "user", user, "pin", PIN);
    Api.Reply r = api.check("user", user, "pass", PIN);
    assertEquals(200, r.status(), r.body());
    assertEquals("REJECT", r.authentication());
    assertFalse(r.value());
    assertFalse(r.detail().containsKey("transaction_id"), r.body());
  }

  @Test
  void metadataOfAnEnrolledTokenIs400() {
    Api.Reply init = newTiqrToken("tqmetadone");
    TiqrAppSimulator app = scannedApp(init);
    assertEquals("OK", app.register().body());
    Api.Reply r = app.fetchMetadata(init.detail().getJsonObject("tiqrenroll").getString("value"));
    assertEquals(400, r.status(), r.body());
    assertEquals(905, r.errorCode());
  }

  private void assertBadSecretLeavesTokenEnrollable(String badSecret) {
    Api.Reply init = newTiqrToken("tqsecret");
    String serial = init.detail().getString("serial");
    TiqrAppSimulator app = scannedApp(init);
    Api.Reply bad = app.register(badSecret);
    assertEquals(400, bad.status(), bad.body());
    assertEquals(905, bad.errorCode());
    assertEquals("clientwait", api.token(admin, serial).getString("rollout_state"));

    Api.Reply good = app.register();
    assertEquals("OK", good.body());
    assertEquals("enrolled", api.token(admin, serial).getString("rollout_state"));
  }

  private Api.Reply newTiqrToken(String prefix) {
    String user = api.newUser(admin, prefix, TiqrFixture.PASSWORD);
    Api.Reply init = api.init(admin, "type", "tiqr", "user", user, "pin", PIN);
    assertEquals(200, init.status(), init.body());
    return init;
  }

  private TiqrAppSimulator scannedApp(Api.Reply init) {
    TiqrAppSimulator app = new TiqrAppSimulator(api);
    Api.Reply metadata = app.fetchMetadata(TiqrAppSimulator.scan(imageOf(init)));
    assertEquals(200, metadata.status(), metadata.body());
    return app;
  }

  private static String imageOf(Api.Reply init) {
    return init.detail().getJsonObject("tiqrenroll").getString("img");
  }

  /** The URL with another well-formed session value in place of the real one. */
  private static String sessionReplaced(String url) {
    Matcher m = Pattern.compile("session=([0-9a-f]+)").matcher(url);
    assertTrue(m.find(), url);
    String other =
        m.group(1).startsWith("0") ? "1" + m.group(1).substring(1) : "0" + m.group(1).substring(1);
    return url.substring(0, m.start(1)) + other + url.substring(m.end(1));
  }

  private static String contentType(Api.Reply r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }
}
