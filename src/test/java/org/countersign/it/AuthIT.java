package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /auth}, the JWT every admin endpoint requires, and the user store behind {@code
 * /user/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthIT {

  private static final String PASSWORD = "user-Passw0rd";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(base);
  }

  @Test
  void adminLoginReturnsJwtWithRoleAndRights() {
    Api.Reply r = api.post("auth", form("username", "admin", "password", Api.ADMIN_PASSWORD));
    assertEquals(200, r.status());
    assertEquals(2, r.json().getInt("id"));
    assertEquals("ACCEPT", r.authentication());
    var value = r.result().getJsonObject("value");
    assertEquals("admin", value.getString("role"));
    assertEquals("admin", value.getString("username"));
    assertEquals(3, value.getString("token").split("\\.").length);
    assertFalse(value.getJsonArray("rights").isEmpty());
  }

  @Test
  void userOfTheUserStoreLogsInWithRoleUser() {
    String user = api.newUser(api.adminJwt(), "login", PASSWORD);
    Api.Reply r = api.post("auth", form("username", user, "password", PASSWORD));
    assertEquals(200, r.status(), r.body());
    JsonObject value = r.result().getJsonObject("value");
    assertEquals("user", value.getString("role"));
    assertEquals(user, value.getString("username"));
    assertEquals("default", value.getString("realm"));
    JsonObject claims = claims(value.getString("token"));
    assertEquals("user", claims.getString("role"));
    assertEquals(user, claims.getString("username"));
    assertTrue(claims.getJsonNumber("exp").longValue() > System.currentTimeMillis() / 1000);
  }

  @Test
  void adminSignsInWhateverExistingRealmIsNamedAsPluginServiceAccountsDo() {
    Api.Reply r =
        api.post(
            "auth", form("username", "admin", "password", Api.ADMIN_PASSWORD, "realm", "default"));
    assertEquals(200, r.status(), r.body());
    JsonObject value = r.result().getJsonObject("value");
    assertEquals("admin", value.getString("role"));
    assertEquals("", value.getString("realm"));
    Api.Reply tokens = api.get("token/", Map.of(), value.getString("token"));
    assertEquals(200, tokens.status(), "the JWT is an admin's: " + tokens.body());
  }

  @Test
  void adminNamingAnUnknownRealmIs401WithCode4031() {
    Api.Reply r =
        api.post(
            "auth",
            form("username", "admin", "password", Api.ADMIN_PASSWORD, "realm", "nosuchrealm"));
    assertEquals(401, r.status(), r.body());
    assertEquals(4031, r.errorCode());
    assertEquals("Authentication failure. Unknown realm: nosuchrealm.", r.errorMessage());
  }

  @Test
  void wrongPasswordIs401WithCode4031() {
    Api.Reply r = api.post("auth", form("username", "admin", "password", "wrong-password"));
    assertEquals(401, r.status());
    assertEquals(4031, r.errorCode());
    assertFalse(r.result().getBoolean("status"));
  }

  @Test
  void wrongPasswordOfStoreUserIs401WithCode4031() {
    String user = api.newUser(api.adminJwt(), "wrongpw", PASSWORD);
    Api.Reply r = api.post("auth", form("username", user, "password", PASSWORD + "x"));
    assertEquals(401, r.status());
    assertEquals(4031, r.errorCode());
  }

  @Test
  void unknownUserIs401WithCode4031() {
    Api.Reply r =
        api.post("auth", form("username", "nobody" + System.nanoTime(), "password", PASSWORD));
    assertEquals(401, r.status());
    assertEquals(4031, r.errorCode());
    assertEquals(JsonValue.NULL, r.json().get("detail"));
  }

  @Test
  void missingUsernameIs400WithCode905() {
    Api.Reply r = api.post("auth", form("password", PASSWORD));
    assertEquals(400, r.status());
    assertEquals(905, r.errorCode());
    assertEquals("ERR905: Missing parameter: 'username'", r.errorMessage());
  }

  @Test
  void missingPasswordIs400WithCode905() {
    Api.Reply r = api.post("auth", form("username", "admin"));
    assertEquals(400, r.status());
    assertEquals(905, r.errorCode());
    assertEquals("ERR905: Missing parameter: 'password'", r.errorMessage());
  }

  @Test
  void missingAuthorizationIs401WithCode4033() {
    Api.Reply r = api.get("token/", Map.of());
    assertEquals(401, r.status());
    assertEquals(4033, r.errorCode());
  }

  @Test
  void rawJwtInAuthorizationHeaderIsAccepted() {
    Api.Reply r = api.get("token/", Map.of(), api.adminJwt());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.result().getBoolean("status"));
  }

  @Test
  void jwtInPiAuthorizationHeaderIsAccepted() {
    Api.Reply r = api.getWithPiAuthorization("token/", api.adminJwt());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.result().getBoolean("status"));
  }

  @Test
  void jwtWithBearerPrefixIsAccepted() {
    Api.Reply r = api.get("token/", Map.of(), "Bearer " + api.adminJwt());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.result().getBoolean("status"));
  }

  @Test
  void garbageJwtIs401WithCode4031() {
    Api.Reply r = api.get("token/", Map.of(), "not-a-jwt");
    assertEquals(401, r.status());
    assertEquals(4031, r.errorCode());
  }

  @Test
  void jwtWithChangedSignatureIs401WithCode4031() {
    String[] parts = api.adminJwt().split("\\.");
    char[] sig = parts[2].toCharArray();
    sig[5] = sig[5] == 'A' ? 'B' : 'A';
    Api.Reply r = api.get("token/", Map.of(), parts[0] + "." + parts[1] + "." + new String(sig));
    assertEquals(401, r.status());
    assertEquals(4031, r.errorCode());
  }

  @Test
  void userJwtWithClaimsRewrittenToAdminIs401WithCode4031() {
    String user = api.newUser(api.adminJwt(), "forger", PASSWORD);
    String[] parts = api.login(user, PASSWORD).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"role\":\"user\"", "\"role\":\"admin\"");
    assertTrue(payload.contains("\"role\":\"admin\""), payload);
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    Api.Reply r = api.get("user/", Map.of(), forged);
    assertEquals(401, r.status());
    assertEquals(4031, r.errorCode());
  }

  @Test
  void jwtOfDeletedUserIsRejectedWith401() {
    String admin = api.adminJwt();
    String user = api.newUser(admin, "gone", PASSWORD);
    String jwt = api.login(user, PASSWORD);
    assertEquals(200, api.get("token/", Map.of(), jwt).status());
    assertTrue(api.delete("user/" + user, admin).value());
    Api.Reply r = api.get("token/", Map.of(), jwt);
    assertEquals(401, r.status());
    assertEquals(4031, r.errorCode());
  }

  @Test
  void createdUserIsListedWithItsIdAndNames() {
    String admin = api.adminJwt();
    String name = "listed" + Long.toHexString(System.nanoTime());
    Api.Reply created =
        api.post(
            "user/",
            form(
                "user",
                name,
                "password",
                PASSWORD,
                "givenname",
                "Ada",
                "surname",
                "Lovelace",
                "email",
                name + "@example.org"),
            admin);
    assertEquals(200, created.status(), created.body());
    long id = created.result().getJsonNumber("value").longValue();
    Api.Reply list = api.get("user/", form("username", name), admin);
    assertEquals(200, list.status());
    var users = list.result().getJsonArray("value");
    assertEquals(1, users.size());
    JsonObject u = users.getJsonObject(0);
    assertEquals(String.valueOf(id), u.getString("userid"));
    assertEquals(name, u.getString("username"));
    assertEquals("Ada", u.getString("givenname"));
    assertEquals("Lovelace", u.getString("surname"));
    assertEquals(name + "@example.org", u.getString("email"));
    assertFalse(u.containsKey("password"));
  }

  @Test
  void userListWithoutFilterContainsEveryNewUser() {
    String admin = api.adminJwt();
    String a = api.newUser(admin, "many", PASSWORD);
    String b = api.newUser(admin, "many", PASSWORD);
    var names =
        api.get("user/", Map.of(), admin).result().getJsonArray("value").stream()
            .map(v -> v.asJsonObject().getString("username"))
            .toList();
    assertTrue(names.contains(a) && names.contains(b), names.toString());
  }

  @Test
  void duplicateUserIs400WithCode904() {
    String admin = api.adminJwt();
    String name = api.newUser(admin, "dup", PASSWORD);
    Api.Reply r = api.post("user/", form("user", name, "password", PASSWORD), admin);
    assertEquals(400, r.status());
    assertEquals(904, r.errorCode());
    assertTrue(r.errorMessage().startsWith("ERR904: "), r.errorMessage());
  }

  @Test
  void userNameWithInvalidCharactersIs400WithCode905() {
    Api.Reply r =
        api.post(
            "user/",
            form("user", "bad name/" + System.nanoTime(), "password", PASSWORD),
            api.adminJwt());
    assertEquals(400, r.status());
    assertEquals(905, r.errorCode());
    assertTrue(r.errorMessage().startsWith("ERR905: "), r.errorMessage());
  }

  @Test
  void passwordShorterThanEightCharactersIs400WithCode905AndNoUserIsCreated() {
    String admin = api.adminJwt();
    String name = "short" + Long.toHexString(System.nanoTime());
    Api.Reply r = api.post("user/", form("user", name, "password", "1234567"), admin);
    assertEquals(400, r.status());
    assertEquals(905, r.errorCode());
    assertTrue(
        api.get("user/", form("username", name), admin).result().getJsonArray("value").isEmpty());
  }

  @Test
  void passwordOfExactlyEightCharactersIsAccepted() {
    String name = "eight" + Long.toHexString(System.nanoTime());
    Api.Reply r = api.post("user/", form("user", name, "password", "12345678"), api.adminJwt());
    assertEquals(200, r.status(), r.body());
    assertEquals(200, api.post("auth", form("username", name, "password", "12345678")).status());
  }

  @Test
  void missingUserParameterIs400WithCode905() {
    Api.Reply r = api.post("user/", form("password", PASSWORD), api.adminJwt());
    assertEquals(400, r.status());
    assertEquals("ERR905: Missing parameter: 'user'", r.errorMessage());
  }

  @Test
  void deletingUserReturnsTrueAndRemovesTheUserAndTheirTokens() {
    String admin = api.adminJwt();
    String user = api.newUser(admin, "del", PASSWORD);
    String serial = api.enrol(admin, "type", "totp", "genkey", "1", "user", user);
    Api.Reply r = api.delete("user/" + user, admin);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.value());
    assertNull(api.token(admin, serial));
    assertTrue(
        api.get("user/", form("username", user), admin).result().getJsonArray("value").isEmpty());
    assertEquals(401, api.post("auth", form("username", user, "password", PASSWORD)).status());
  }

  @Test
  void deletingUnknownUserIs400WithCode904() {
    Api.Reply r = api.delete("user/nobody" + Long.toHexString(System.nanoTime()), api.adminJwt());
    assertEquals(400, r.status());
    assertEquals(904, r.errorCode());
    assertTrue(r.errorMessage().startsWith("ERR904: "), r.errorMessage());
  }

  @Test
  void userRoleJwtOnUserEndpointsIs403WithCode303() {
    String admin = api.adminJwt();
    String user = api.newUser(admin, "plain", PASSWORD);
    String other = api.newUser(admin, "victim", PASSWORD);
    String jwt = api.login(user, PASSWORD);
    Api.Reply list = api.get("user/", Map.of(), jwt);
    Api.Reply create =
        api.post("user/", form("user", "x" + System.nanoTime(), "password", PASSWORD), jwt);
    Api.Reply delete = api.delete("user/" + other, jwt);
    for (Api.Reply r : new Api.Reply[] {list, create, delete}) {
      assertEquals(403, r.status(), r.body());
      assertEquals(303, r.errorCode());
      assertTrue(r.errorMessage().startsWith("ERR303: "), r.errorMessage());
    }
    assertEquals(
        1, api.get("user/", form("username", other), admin).result().getJsonArray("value").size());
  }

  private static JsonObject claims(String jwt) {
    String json =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
      return reader.readObject();
    }
  }
}
