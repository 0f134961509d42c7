package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users of an OpenLDAP realm wherever the API takes a user: listing, {@code /auth}, token
 * assignment, {@code /validate/check}, {@code otppin=userstore}, {@code user@realm}, and the
 * directory away and back. Each test makes its own resolver and realm on its own slapd.
 */
class DirectoryUserIT extends OnDefaultServer {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  private static final String PIN = "4711";
  private static final String[] HOTP = {"755224", "287082", "359152", "969429"};

  private String realm;
  private final List<String> policies = new ArrayList<>();

  @BeforeEach
  void realm() {
    String resolver = ResolverApiIT.unique("ol");
    Map<String, String> keys = ResolverApiIT.ldap();
    keys.put("LDAPURI", LDAP.uri());
    keys.put("CACHE_TIMEOUT", "0");
    keys.put("LDAPSEARCHFILTER", "(objectClass=inetOrgPerson)");
    keys.put(
        "USERINFO",
        "{\"givenname\":\"givenName\",\"surname\":\"sn\",\"email\":\"mail\","
            + "\"phone\":\"telephoneNumber\",\"mobile\":\"mobile\"}");
    Api.Reply r = api.post("resolver/" + resolver, keys, admin);
    assertEquals(200, r.status(), r.body());
    realm = ResolverApiIT.unique("corp");
    assertEquals(200, api.post("realm/" + realm, form("resolvers", resolver), admin).status());
  }

  @AfterEach
  void removePolicies() {
    policies.forEach(name -> api.delete("policy/" + name, admin));
  }

  private Api.Reply auth(String user, String password) {
    return api.post("auth", form("username", user, "password", password, "realm", realm));
  }

  private String hotpFor(String user) {
    return api.enrol(
        admin,
        "type",
        "hotp",
        "otpkey",
        TokenInitIT.RFC_KEY,
        "user",
        user,
        "realm",
        realm,
        "pin",
        PIN);
  }

  @Test
  void listsTheDirectoryUsersOfBothUnitsWithTheirMappedAttributes() {
    Api.Reply r = api.get("user/", form("realm", realm), admin);
    assertEquals(200, r.status(), r.body());
    JsonArray users = r.result().getJsonArray("value");
    List<String> names =
        users.stream().map(v -> v.asJsonObject().getString("username")).sorted().toList();
    assertTrue(names.containsAll(List.of("alice", "bob", "carol", "dave")), names.toString());
    JsonObject bob =
        users.stream()
            .map(v -> v.asJsonObject())
            .filter(u -> u.getString("username").equals("bob"))
            .findFirst()
            .orElseThrow();
    assertEquals("Bob", bob.getString("givenname"));
    assertEquals("bob@example.org", bob.getString("email"));
    assertEquals("+49 170 2222", bob.getJsonArray("mobile").getString(0), "mobile is a list");
    assertFalse(bob.containsKey("phone"), "a field the entry lacks is absent: " + bob);
    assertEquals(Slapd.dnOf("bob"), bob.getString("userid"));
    assertFalse(bob.getBoolean("editable"));
  }

  @Test
  void signsInADirectoryUserByTheirDirectoryPasswordAsAUser() {
    Api.Reply ok = auth("carol", Slapd.passwordOf("carol"));
    assertEquals(200, ok.status(), ok.body());
    JsonObject value = ok.result().getJsonObject("value");
    assertEquals("user", value.getString("role"));
    assertEquals(realm, value.getString("realm"));
    String jwt = value.getString("token");
    assertEquals(200, api.get("token/", Map.of(), jwt).status(), "the JWT is accepted");

    assertEquals(401, auth("carol", "wrong-password").status());
    assertEquals(400, auth("carol", "").status(), "an empty password is a missing parameter");
    assertEquals(401, auth("nobody", "whatever").status());
  }

  @Test
  void namesWithFilterSyntaxFindNobody() {
    for (String name : new String[] {"*", "a*", "alice)(uid=*", "*)(|(uid=*"}) {
      Api.Reply r = auth(name, Slapd.passwordOf("alice"));
      assertEquals(401, r.status(), name + ": " + r.body());
    }
    Api.Reply nul = auth("alice\u0000", Slapd.passwordOf("alice"));
    assertEquals(400, nul.status(), nul.body());
  }

  @Test
  void aDirectoryUserOwnsATokenAndChecksItWithTheTokenPin() {
    String serial = hotpFor("dave");
    JsonObject token = api.token(admin, serial);
    assertEquals("dave", token.getString("username"), token.toString());
    Api.Reply check = api.check("user", "dave", "realm", realm, "pass", PIN + HOTP[0]);
    assertTrue(check.value(), check.body());
    assertFalse(api.check("user", "dave", "realm", realm, "pass", "9999" + HOTP[1]).value());
    api.delete("token/" + serial, admin);
  }

  @Test
  void aUserAtTheRealmNeedsNoRealmParameter() {
    String qualified = "carol@" + realm;
    Api.Reply signIn =
        api.post("auth", form("username", qualified, "password", Slapd.passwordOf("carol")));
    assertEquals(200, signIn.status(), signIn.body());
    assertEquals(realm, signIn.result().getJsonObject("value").getString("realm"));
    assertEquals("carol", signIn.result().getJsonObject("value").getString("username"));

    String serial =
        api.enrol(
            admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", qualified, "pin", PIN);
    assertEquals("carol", api.token(admin, serial).getString("username"));
    Api.Reply check = api.check("user", qualified, "pass", PIN + HOTP[0]);
    assertTrue(check.value(), check.body());
    Api.Reply list = api.get("token/", form("user", qualified), admin);
    assertEquals(200, list.status(), list.body());
    JsonArray tokens = list.result().getJsonObject("value").getJsonArray("tokens");
    assertEquals(1, tokens.size(), list.body());
    assertEquals(serial, tokens.getJsonObject(0).getString("serial"));
    api.delete("token/" + serial, admin);
  }

  @Test
  void aNameWithAnAtWhoseSuffixIsNoRealmIsAPlainName() {
    String name = "pl" + Long.toHexString(System.nanoTime()) + "@no-such-realm.example";
    Api.Reply created = api.post("user/", form("user", name, "password", "plain-pass-12"), admin);
    assertEquals(200, created.status(), created.body());
    String serial =
        api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", name, "pin", PIN);
    assertEquals(name, api.token(admin, serial).getString("username"));
    Api.Reply check = api.check("user", name, "pass", PIN + HOTP[0]);
    assertTrue(check.value(), check.body());
    api.delete("token/" + serial, admin);
  }

  @Test
  void otppinUserstoreBindsToTheDirectory() {
    hotpFor("bob");
    String name = "ld" + Long.toHexString(System.nanoTime());
    Api.Reply p =
        api.post(
            "policy/" + name,
            form(
                "scope",
                "authentication",
                "action",
                "otppin=userstore",
                "realm",
                realm,
                "user",
                "bob"),
            admin);
    assertEquals(200, p.status(), p.body());
    policies.add(name);
    assertFalse(api.check("user", "bob", "realm", realm, "pass", PIN + HOTP[0]).value());
    assertTrue(
        api.check("user", "bob", "realm", realm, "pass", Slapd.passwordOf("bob") + HOTP[1])
            .value());
  }

  @Test
  void aPasswordChangedInTheDirectoryHoldsAtOnce() throws Exception {
    String uid = "fr" + Long.toHexString(System.nanoTime());
    LDAP.add(
        "dn: uid="
            + uid
            + ",ou=people,"
            + Slapd.BASE
            + "\nobjectClass: inetOrgPerson\nuid: "
            + uid
            + "\ncn: F\nsn: R\nuserPassword: old-pass-11\n");
    assertEquals(200, auth(uid, "old-pass-11").status());
    LDAP.setPassword(uid, "new-pass-22");
    assertEquals(401, auth(uid, "old-pass-11").status());
    assertEquals(200, auth(uid, "new-pass-22").status());
  }

  @Test
  void theDirectoryAwayFailsItsUsersFastOthersNotAndRecoversByItself() throws Exception {
    String serial = hotpFor("alice");
    String local = api.newUser(admin, "loc", "local-pass-12");
    LDAP.stop();
    try {
      long started = System.nanoTime();
      Api.Reply away = auth("alice", Slapd.passwordOf("alice"));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(503, away.status(), away.body());
      assertFalse(away.result().getBoolean("status"));
      assertTrue(millis < 4_000, "took " + millis + " ms with TIMEOUT 2");
      assertEquals(
          200, api.post("auth", form("username", local, "password", "local-pass-12")).status());
      Api.Reply check = api.check("user", "alice", "realm", realm, "pass", PIN + HOTP[0]);
      assertTrue(check.value(), "the token PIN needs no directory: " + check.body());
    } finally {
      LDAP.start();
    }
    assertEquals(200, auth("alice", Slapd.passwordOf("alice")).status());
    api.delete("token/" + serial, admin);
  }
}
