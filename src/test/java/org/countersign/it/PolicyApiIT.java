package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /policy/}: privacyIDEA's policy API, its replies, and every malformed policy refused
 * whole.
 */
class PolicyApiIT extends OnDefaultServer {

  private static String unique(String prefix) {
    return prefix + Long.toHexString(System.nanoTime());
  }

  private JsonObject stored(String name) {
    Api.Reply r = api.get("policy/" + name, Map.of(), admin);
    assertEquals(200, r.status(), r.body());
    return r.result().getJsonArray("value").getJsonObject(0);
  }

  private void assertAbsent(String name) {
    Api.Reply r = api.get("policy/" + name, Map.of(), admin);
    assertEquals(404, r.status(), r.body());
    assertEquals(601, r.errorCode());
  }

  @Test
  void createsAPolicyFromAnActionStringAndShowsItInPrivacyIdeasShape() {
    String name = unique("cr");
    Api.Reply r =
        api.post(
            "policy/" + name,
            form(
                "scope",
                "authentication",
                "action",
                "challenge_response=hotp totp, passOnNoUser",
                "realm",
                "default",
                "client",
                "10.0.0.0/8, !10.1.0.0/16",
                "priority",
                "3",
                "description",
                "challenges for OTP tokens"),
            admin);
    assertEquals(200, r.status(), r.body());
    assertTrue(
        r.result().getJsonObject("value").getJsonNumber("setPolicy " + name).longValue() > 0,
        r.body());
    JsonObject p = stored(name);
    assertEquals("authentication", p.getString("scope"));
    assertTrue(p.getBoolean("active"));
    assertEquals("hotp totp", p.getJsonObject("action").getString("challenge_response"));
    assertTrue(p.getJsonObject("action").getBoolean("passOnNoUser"));
    assertEquals("[\"default\"]", p.getJsonArray("realm").toString());
    assertEquals("[\"10.0.0.0/8\",\"!10.1.0.0/16\"]", p.getJsonArray("client").toString());
    assertEquals(3, p.getInt("priority"));
    assertEquals("challenges for OTP tokens", p.getString("description"));
    for (String field :
        new String[] {
          "resolver", "user", "adminrealm", "adminuser", "pinode", "user_agents", "conditions"
        }) {
      assertTrue(p.getJsonArray(field).isEmpty(), field);
    }
    assertFalse(p.getBoolean("check_all_resolvers"));
  }

  @Test
  void acceptsAJsonBodyWithAnActionObjectAndLists() {
    String name = unique("js");
    Api.Reply r =
        api.postJson(
            "policy/" + name,
            "{\"scope\":\"authentication\",\"action\":{\"otppin\":\"userstore\","
                + "\"passOnNoToken\":true},\"user\":[\"alice\",\"bob\"],\"priority\":2}",
            admin);
    assertEquals(200, r.status(), r.body());
    JsonObject p = stored(name);
    assertEquals("userstore", p.getJsonObject("action").getString("otppin"));
    assertTrue(p.getJsonObject("action").getBoolean("passOnNoToken"));
    assertEquals("[\"alice\",\"bob\"]", p.getJsonArray("user").toString());
  }

  @Test
  void disablesEnablesListsByFilterAndDeletes() {
    String name = unique("life");
    long id =
        api.post(
                "policy/" + name,
                form("scope", "enrollment", "action", "max_token_per_user=3"),
                admin)
            .result()
            .getJsonObject("value")
            .getJsonNumber("setPolicy " + name)
            .longValue();
    Api.Reply off = api.post("policy/disable/" + name, Map.of(), admin);
    assertEquals(id, off.result().getJsonNumber("value").longValue(), off.body());
    assertFalse(stored(name).getBoolean("active"));
    Api.Reply inactive = api.get("policy/", form("scope", "enrollment", "active", "false"), admin);
    assertTrue(inactive.body().contains("\"" + name + "\""), inactive.body());
    Api.Reply otherScope = api.get("policy/", form("scope", "authentication"), admin);
    assertFalse(otherScope.body().contains("\"" + name + "\""), otherScope.body());
    api.post("policy/enable/" + name, Map.of(), admin);
    assertTrue(stored(name).getBoolean("active"));
    Api.Reply deleted = api.delete("policy/" + name, admin);
    assertEquals(id, deleted.result().getJsonNumber("value").longValue(), deleted.body());
    assertAbsent(name);
    Api.Reply again = api.delete("policy/" + name, admin);
    assertEquals(404, again.status());
    assertEquals(601, again.errorCode());
    assertEquals(404, api.post("policy/enable/" + name, Map.of(), admin).status());
  }

  @Test
  void anUpdateKeepsTheListsItDoesNotName() {
    String name = unique("upd");
    api.post(
        "policy/" + name,
        form("scope", "authentication", "action", "otppin=none", "user", "alice", "priority", "4"),
        admin);
    Api.Reply r =
        api.post(
            "policy/" + name, form("scope", "authentication", "action", "otppin=userstore"), admin);
    assertEquals(200, r.status(), r.body());
    JsonObject p = stored(name);
    assertEquals("userstore", p.getJsonObject("action").getString("otppin"));
    assertEquals("[\"alice\"]", p.getJsonArray("user").toString());
    assertEquals(4, p.getInt("priority"));
  }

  private void refused(int status, int code, String name, Map<String, String> form) {
    Api.Reply r = api.post("policy/" + name, form, admin);
    assertEquals(status, r.status(), r.body());
    assertEquals(code, r.errorCode(), r.body());
    assertFalse(r.result().getBoolean("status"));
    assertAbsent(name);
  }

  @Test
  void aMalformedPolicyIsRefusedWholeWithTheEnvelope() {
    refused(400, 905, unique("s"), form("scope", "nosuchscope", "action", "otppin=none"));
    refused(400, 905, unique("a"), form("scope", "authentication", "action", "nosuchaction=1"));
    refused(400, 905, unique("v"), form("scope", "authentication", "action", "otppin=sometimes"));
    refused(
        400,
        905,
        unique("t"),
        form("scope", "authentication", "action", "challenge_response=hotp nosuchtype"));
    refused(
        400, 905, unique("n"), form("scope", "enrollment", "action", "max_token_per_user=many"));
    refused(
        400,
        302,
        unique("c"),
        form("scope", "authentication", "action", "otppin=none", "client", "10.0.0.0/40"));
    refused(
        400,
        302,
        unique("h"),
        form("scope", "authentication", "action", "otppin=none", "client", "example.org"));
    refused(
        400,
        905,
        unique("r"),
        form("scope", "authentication", "action", "otppin=none", "realm", "nosuchrealm"));
    refused(
        400,
        905,
        unique("x"),
        form("scope", "authentication", "action", "otppin=none", "resolver", "nosuch"));
    refused(
        400,
        905,
        unique("p"),
        form("scope", "authentication", "action", "otppin=none", "priority", "0"));
    refused(400, 905, unique("m"), form("scope", "authentication"));
    refused(400, 905, unique("q"), form("action", "otppin=none"));
    refused(
        400,
        905,
        unique("u"),
        form("scope", "authentication", "action", "otppin=none", "user", "(unclosed"));
    refused(
        400,
        905,
        unique("w"),
        form("scope", "authentication", "action", "otppin=none", "time", "Mon-Fri: 09:00-18:00"));
    Api.Reply conditions =
        api.postJson(
            "policy/" + unique("j"),
            "{\"scope\":\"authentication\",\"action\":"
                + "\"otppin=none\",\"conditions\":[[\"userinfo\",\"memberOf\",\"equals\",\"grp\",true]]}",
            admin);
    assertEquals(400, conditions.status(), conditions.body());
    assertTrue(conditions.errorMessage().contains("conditions"), conditions.body());
    Api.Reply badName =
        api.post(
            "policy/bad%20name", form("scope", "authentication", "action", "otppin=none"), admin);
    assertEquals(400, badName.status(), badName.body());
    assertEquals(905, badName.errorCode());
  }

  @Test
  void onlyAdministratorsReachThePolicies() {
    Api.Reply none = api.get("policy/", Map.of(), null);
    assertEquals(401, none.status());
    assertEquals(4033, none.errorCode());
    String user = api.newUser(admin, "pol", "user-Passw0rd");
    String userJwt = api.login(user, "user-Passw0rd");
    String name = unique("own");
    Api.Reply r =
        api.post(
            "policy/" + name, form("scope", "authentication", "action", "otppin=none"), userJwt);
    assertEquals(403, r.status(), r.body());
    assertAbsent(name);
  }
}
