package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A policy that names a resolver applies to the users of that resolver, and not to those of
 * another: on a check (which finds the tokens by name, without the directory) and on enrolment.
 */
class DirectoryPolicyIT extends OnDefaultServer {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  private static final String PIN = "4711";
  private static final String[] HOTP = {"755224", "287082", "359152", "969429"};

  private String resolver;
  private String other;
  private String realm;
  private final List<String> policies = new ArrayList<>();
  private final List<String> serials = new ArrayList<>();

  @BeforeEach
  void resolversAndRealm() {
    resolver = ResolverApiIT.unique("pr");
    other = ResolverApiIT.unique("po");
    for (String name : List.of(resolver, other)) {
      Map<String, String> keys = ResolverApiIT.ldap();
      keys.put("LDAPURI", LDAP.uri());
      keys.put("CACHE_TIMEOUT", "0");
      assertEquals(200, api.post("resolver/" + name, keys, admin).status());
    }
    realm = ResolverApiIT.unique("prealm");
    assertEquals(200, api.post("realm/" + realm, form("resolvers", resolver), admin).status());
  }

  @AfterEach
  void cleanUp() {
    policies.forEach(name -> api.delete("policy/" + name, admin));
    serials.forEach(serial -> api.delete("token/" + serial, admin));
    api.delete("realm/" + realm, admin);
    api.delete("resolver/" + resolver, admin);
    api.delete("resolver/" + other, admin);
  }

  private void policy(String scope, String action, String resolverName) {
    String name = ResolverApiIT.unique("rp");
    Api.Reply p =
        api.post(
            "policy/" + name,
            form("scope", scope, "action", action, "resolver", resolverName),
            admin);
    assertEquals(200, p.status(), p.body());
    policies.add(name);
  }

  private void hotpFor(String user) {
    serials.add(
        api.enrol(
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
            PIN));
  }

  @Test
  void anAuthenticationPolicyOfTheUsersResolverApplies() {
    hotpFor("bob");
    policy("authentication", "otppin=userstore", resolver);

    assertFalse(api.check("user", "bob", "realm", realm, "pass", PIN + HOTP[0]).value());
    assertTrue(
        api.check("user", "bob", "realm", realm, "pass", Slapd.passwordOf("bob") + HOTP[1])
            .value());
  }

  @Test
  void anAuthenticationPolicyOfAnotherResolverDoesNot() {
    hotpFor("carol");
    policy("authentication", "otppin=userstore", other);

    assertTrue(api.check("user", "carol", "realm", realm, "pass", PIN + HOTP[0]).value());
  }

  @Test
  void anEnrolmentPolicyOfTheUsersResolverApplies() {
    policy("enrollment", "max_token_per_user=1", resolver);
    hotpFor("dave");

    Api.Reply second =
        api.init(admin, "type", "hotp", "genkey", "1", "user", "dave", "realm", realm);
    assertEquals(403, second.status(), second.body());
    assertFalse(second.result().getBoolean("status"));
  }
}
