package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Values as privacyIDEA's own clients send them: its Java client encodes every value and its HTTP
 * library encodes it again, so the server decodes query, form and path values a second time, except
 * for the clients that are known to encode once (by {@code User-Agent}); JSON values are never
 * decoded again.
 */
class ClientEncodingIT extends OnDefaultServer {

  private static final String JAVA_CLIENT = "privacyIDEA-Java-Client/1.5.1";
  private static final String PASSWORD = "p@ss+w%rd!123Grüße";
  private static final String PIN = "p@ss+w%rd!ü";

  /** RFC 4226 Appendix D, counters 0 and 1. */
  private static final String[] HOTP = {"755224", "287082"};

  private static String once(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String twice(String value) {
    return once(once(value));
  }

  /**
   * A user with an e-mail address as name and a password full of reserved characters, created
   * through JSON.
   */
  private String emailUser() {
    String name = "frank" + Long.toHexString(System.nanoTime()) + "@example.org";
    Api.Reply r =
        api.postJson(
            "user/",
            "{\"user\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"givenname\":\"Frank\"}",
            admin);
    assertEquals(200, r.status(), r.body());
    return name;
  }

  private Api.Reply form(String path, String agent, String body) {
    return api.send(
        api.request(path, null)
            .header("User-Agent", agent)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void javaClientSignsInAnEmailUserWithAPasswordOfReservedCharacters() {
    String user = emailUser();
    Api.Reply r =
        form("auth", JAVA_CLIENT, "username=" + twice(user) + "&password=" + twice(PASSWORD));
    assertEquals(200, r.status(), r.body());
    assertEquals(user, r.result().getJsonObject("value").getString("username"));
  }

  @Test
  void aClientThatEncodesOnceIsNotDecodedAgain() {
    String user = emailUser();
    Api.Reply cp =
        form(
            "auth",
            "privacyidea-cp/3.0 Windows/PC",
            "username=" + once(user) + "&password=" + once(PASSWORD));
    assertEquals(200, cp.status(), cp.body());
    Api.Reply cpTwice =
        form(
            "auth",
            "privacyidea-cp/3.0 Windows/PC",
            "username=" + twice(user) + "&password=" + twice(PASSWORD));
    assertEquals(401, cpTwice.status(), cpTwice.body());
    assertEquals(4031, cpTwice.errorCode());
  }

  @Test
  void anyOtherClientIsDecodedTwiceSoAPercentSequenceSentOnceChanges() {
    String user = emailUser();
    // "%" followed by "rd" is no escape and survives; "%21" sent once arrives as "!" only after the
    // second decoding
    Api.Reply once =
        form("auth", "curl/8.5.0", "username=" + once(user) + "&password=" + once(PASSWORD));
    assertEquals(200, once.status(), once.body());
    String withEscape = "pw%45#test-" + Long.toHexString(System.nanoTime());
    String other = "pct" + Long.toHexString(System.nanoTime());
    Api.Reply set =
        api.postJson(
            "user/", "{\"user\":\"" + other + "\",\"password\":\"" + withEscape + "\"}", admin);
    assertEquals(200, set.status(), set.body());
    Api.Reply literal =
        form("auth", "curl/8.5.0", "username=" + other + "&password=" + once(withEscape));
    assertEquals(401, literal.status(), "sent once, %45 becomes E: " + literal.body());
    Api.Reply quoted =
        form("auth", "curl/8.5.0", "username=" + other + "&password=" + twice(withEscape));
    assertEquals(200, quoted.status(), quoted.body());
  }

  @Test
  void javaClientChecksAPinWithReservedAndNonAsciiCharactersInTheQueryString() {
    String user = emailUser();
    Api.Reply init =
        api.postJson(
            "token/init",
            "{\"type\":\"hotp\",\"otpkey\":\""
                + TokenInitIT.RFC_KEY
                + "\",\"user\":\""
                + user
                + "\",\"pin\":\""
                + PIN
                + "\"}",
            admin);
    assertEquals(200, init.status(), init.body());
    Api.Reply r =
        api.send(
            api.request(
                    "validate/check?user=" + twice(user) + "&pass=" + twice(PIN + HOTP[0]), null)
                .header("User-Agent", JAVA_CLIENT)
                .GET());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.value(), r.body());
  }

  @Test
  void theJavaClientsExactBodyForAnEmailUserAndAPinOfReservedCharacters() {
    String user = "frank" + Long.toHexString(System.nanoTime()) + "@example.org";
    Api.Reply created =
        api.postJson(
            "user/", "{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}", admin);
    assertEquals(200, created.status(), created.body());
    Api.Reply init =
        api.postJson(
            "token/init",
            "{\"type\":\"hotp\",\"otpkey\":\""
                + TokenInitIT.RFC_KEY
                + "\",\"user\":\""
                + user
                + "\",\"pin\":\"p@ss+w%rd!\"}",
            admin);
    assertEquals(200, init.status(), init.body());
    // as privacyIDEA's Java client 1.5.1 puts it on the wire: every value encoded, then the whole
    // form again
    String body =
        "user=" + user.replace("@", "%2540") + "&pass=p%2540ss%252Bw%2525rd%2521" + HOTP[0];
    Api.Reply r = form("validate/check", JAVA_CLIENT, body);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.value(), r.body());
  }

  @Test
  void jsonValuesAreTakenAsTheyAre() {
    String user = emailUser();
    Api.Reply init =
        api.postJson(
            "token/init",
            "{\"type\":\"hotp\",\"otpkey\":\""
                + TokenInitIT.RFC_KEY
                + "\",\"user\":\""
                + user
                + "\",\"pin\":\"%41\"}",
            admin);
    assertEquals(200, init.status(), init.body());
    Api.Reply decoded =
        api.postJson(
            "validate/check", "{\"user\":\"" + user + "\",\"pass\":\"A" + HOTP[0] + "\"}", null);
    assertFalse(decoded.value(), decoded.body());
    Api.Reply literal =
        api.postJson(
            "validate/check", "{\"user\":\"" + user + "\",\"pass\":\"%41" + HOTP[1] + "\"}", null);
    assertTrue(literal.value(), literal.body());
  }

  @Test
  void pathValuesAreDecodedTwiceToo() {
    String user = emailUser();
    Api.Reply r =
        api.send(
            api.request("user/" + twice(user), admin).header("User-Agent", JAVA_CLIENT).DELETE());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.value(), r.body());
    Api.Reply list = api.get("user/", Api.form("username", user), admin);
    assertFalse(list.body().contains(user), list.body());
  }
}
