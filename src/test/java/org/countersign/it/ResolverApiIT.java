package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /resolver/}, {@code /realm/} and {@code /defaultrealm/}: privacyIDEA's administration of
 * user resolvers and realms, against a real OpenLDAP.
 */
class ResolverApiIT extends OnDefaultServer {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  static String unique(String prefix) {
    return prefix + Long.toHexString(System.nanoTime());
  }

  /** The form of an LDAP resolver on the test directory, with extra or replaced keys. */
  static Map<String, String> ldap(String... pairs) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("type", "ldapresolver");
    f.put("LDAPURI", LDAP.uri());
    f.put("LDAPBASE", Slapd.BASE);
    f.put("BINDDN", Slapd.BIND_DN);
    f.put("BINDPW", Slapd.BIND_PASSWORD);
    f.put("LOGINNAMEATTRIBUTE", "uid");
    f.put("LDAPSEARCHFILTER", "(&(objectClass=inetOrgPerson)(mail=*))");
    f.put("USERINFO", "{\"givenname\":\"givenName\",\"surname\":\"sn\",\"email\":\"mail\"}");
    f.put("TIMEOUT", "2");
    f.putAll(form(pairs));
    return f;
  }

  private JsonObject resolvers() {
    Api.Reply r = api.get("resolver/", Map.of(), admin);
    assertEquals(200, r.status(), r.body());
    return r.result().getJsonObject("value");
  }

  private JsonObject realms() {
    Api.Reply r = api.get("realm/", Map.of(), admin);
    assertEquals(200, r.status(), r.body());
    return r.result().getJsonObject("value");
  }

  @Test
  void storesAnLdapResolverAndNeverReturnsItsBindPassword() {
    String name = unique("ldap");
    Api.Reply r = api.post("resolver/" + name, ldap(), admin);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.result().getJsonNumber("value").longValue() > 0, r.body());

    JsonObject stored = resolvers().getJsonObject(name);
    assertEquals("ldapresolver", stored.getString("type"));
    assertEquals(name, stored.getString("resolvername"));
    assertEquals("__CENSORED__", stored.getJsonObject("data").getString("BINDPW"));
    assertEquals("[\"BINDPW\"]", stored.getJsonArray("censor_keys").toString());
    assertEquals(LDAP.uri(), stored.getJsonObject("data").getString("LDAPURI"));
    assertFalse(api.get("resolver/", Map.of(), admin).body().contains(Slapd.BIND_PASSWORD));
    assertEquals("builtin", resolvers().getJsonObject("builtin").getString("type"));
  }

  @Test
  void anUpdateWithTheCensoredPasswordKeepsTheStoredOne() {
    String name = unique("keep");
    assertEquals(200, api.post("resolver/" + name, ldap(), admin).status());
    Api.Reply update =
        api.post(
            "resolver/" + name,
            form("type", "ldapresolver", "BINDPW", "__CENSORED__", "SIZELIMIT", "3"),
            admin);
    assertEquals(200, update.status(), update.body());
    assertEquals("3", resolvers().getJsonObject(name).getJsonObject("data").getString("SIZELIMIT"));

    Map<String, String> test = ldap("BINDPW", "__CENSORED__", "resolver", name);
    Api.Reply ok = api.post("resolver/test", test, admin);
    assertEquals(200, ok.status(), ok.body());
    assertTrue(ok.value(), ok.body());
    assertTrue(ok.detail().getString("description").contains("4 user objects found"), ok.body());
  }

  @Test
  void theTestReportsAWrongBindPasswordOrAnAbsentDirectoryAsFalse() {
    Api.Reply wrong = api.post("resolver/test", ldap("BINDPW", "not-it"), admin);
    assertEquals(200, wrong.status(), wrong.body());
    assertFalse(wrong.value(), wrong.body());
    Api.Reply away = api.post("resolver/test", ldap("LDAPURI", "ldap://127.0.0.1:1"), admin);
    assertEquals(200, away.status(), away.body());
    assertFalse(away.value(), away.body());
  }

  @Test
  void refusesMalformedResolversWithAClearParameterError() {
    String[][] bad = {
      {"LDAPURI", "http://127.0.0.1"},
      {"LDAPSEARCHFILTER", "(uid="},
      {"USERINFO", "{not json"},
      {"TIMEOUT", "-1"},
      {"AUTHTYPE", "NTLM"},
      {"UIDTYPE", "ob)(jectGUID"},
      {"LDAPBASE", ""}
    };
    for (String[] b : bad) {
      String name = unique("bad");
      Api.Reply r = api.post("resolver/" + name, ldap(b[0], b[1]), admin);
      assertEquals(400, r.status(), b[0] + ": " + r.body());
      assertEquals(905, r.errorCode(), r.body());
      assertTrue(r.errorMessage().contains(b[0]), r.body());
      assertFalse(resolvers().containsKey(name), "nothing stored for " + b[0]);
    }
    Api.Reply type = api.post("resolver/" + unique("t"), ldap("type", "sqlresolver"), admin);
    assertEquals(400, type.status(), type.body());
    Api.Reply name = api.post("resolver/bad%20name", ldap(), admin);
    assertEquals(400, name.status(), name.body());
    Api.Reply builtin = api.post("resolver/builtin", ldap(), admin);
    assertEquals(400, builtin.status(), builtin.body());
  }

  @Test
  void aRealmListsItsResolversByPriorityAndHoldsThemAgainstDeletion() {
    String dir = unique("dir");
    assertEquals(200, api.post("resolver/" + dir, ldap(), admin).status());
    String realm = unique("Corp");
    Api.Reply set =
        api.post(
            "realm/" + realm,
            form(
                "resolvers",
                dir + ", builtin, nosuchresolver",
                "priority." + dir,
                "2",
                "priority.builtin",
                "1"),
            admin);
    assertEquals(200, set.status(), set.body());
    JsonObject value = set.result().getJsonObject("value");
    assertEquals("[\"" + dir + "\",\"builtin\"]", value.getJsonArray("added").toString());
    assertEquals("[\"nosuchresolver\"]", value.getJsonArray("failed").toString());

    JsonObject stored = realms().getJsonObject(realm.toLowerCase());
    assertFalse(stored.getBoolean("default"));
    assertEquals("builtin", stored.getJsonArray("resolver").getJsonObject(0).getString("name"));
    assertEquals(1, stored.getJsonArray("resolver").getJsonObject(0).getInt("priority"));
    assertEquals(dir, stored.getJsonArray("resolver").getJsonObject(1).getString("name"));
    assertEquals(
        "ldapresolver", stored.getJsonArray("resolver").getJsonObject(1).getString("type"));

    Api.Reply inUse = api.delete("resolver/" + dir, admin);
    assertEquals(400, inUse.status(), inUse.body());
    assertEquals(302, inUse.errorCode(), inUse.body());

    Api.Reply gone = api.delete("realm/" + realm.toLowerCase(), admin);
    assertEquals(200, gone.status(), gone.body());
    assertFalse(realms().containsKey(realm.toLowerCase()));
    Api.Reply deleted = api.delete("resolver/" + dir, admin);
    assertEquals(200, deleted.status(), deleted.body());
    assertTrue(deleted.result().getJsonNumber("value").longValue() > 0);
    assertEquals(-1, api.delete("resolver/" + dir, admin).intValue());
    assertEquals(404, api.delete("realm/" + realm.toLowerCase(), admin).status());
  }

  @Test
  void theDefaultRealmMovesAndComesBack() {
    assertTrue(realms().getJsonObject("default").getBoolean("default"));
    String realm = unique("other");
    assertEquals(200, api.post("realm/" + realm, form("resolvers", "builtin"), admin).status());
    try {
      assertEquals(200, api.post("defaultrealm/" + realm, Map.of(), admin).status());
      assertTrue(realms().getJsonObject(realm).getBoolean("default"));
      assertFalse(realms().getJsonObject("default").getBoolean("default"));
    } finally {
      assertEquals(200, api.post("defaultrealm/default", Map.of(), admin).status());
    }
    assertTrue(realms().getJsonObject("default").getBoolean("default"));
    assertEquals(404, api.post("defaultrealm/" + unique("none"), Map.of(), admin).status());
    assertEquals(200, api.delete("realm/" + realm, admin).status());
  }

  @Test
  void refusesMalformedRealms() {
    Api.Reply none = api.post("realm/" + unique("r"), form("resolvers", "nosuch"), admin);
    assertEquals(400, none.status(), none.body());
    Api.Reply prio =
        api.post(
            "realm/" + unique("r"), form("resolvers", "builtin", "priority.builtin", "x"), admin);
    assertEquals(400, prio.status(), prio.body());
    Api.Reply name = api.post("realm/a%2Fb", form("resolvers", "builtin"), admin);
    assertEquals(400, name.status(), name.body());
  }

  @Test
  void onlyAdministratorsReachTheseEndpoints() {
    String user = api.newUser(admin, "plain", "plain-pass-12");
    String jwt = api.login(user, "plain-pass-12");
    assertEquals(401, api.get("resolver/", Map.of(), null).status());
    for (Api.Reply r :
        new Api.Reply[] {
          api.get("resolver/", Map.of(), jwt),
          api.get("realm/", Map.of(), jwt),
          api.post("resolver/" + unique("x"), ldap(), jwt),
          api.post("realm/" + unique("x"), form("resolvers", "builtin"), jwt)
        }) {
      assertEquals(403, r.status(), r.body());
    }
  }
}
