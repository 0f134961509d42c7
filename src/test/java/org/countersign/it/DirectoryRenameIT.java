package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.util.Map;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A directory user's token belongs to the resolver and the directory's stable id (here {@code
 * entryUUID}), so it follows the user through a rename in the directory. Each test makes its own
 * resolver, realm and user on its own slapd.
 */
class DirectoryRenameIT extends OnDefaultServer {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  private static final String PIN = "4711";
  private static final String[] HOTP = {"755224", "287082", "359152", "969429"};

  private String realm;
  private String name;

  @BeforeEach
  void userOfARealm() throws Exception {
    String resolver = ResolverApiIT.unique("rn");
    Map<String, String> keys = ResolverApiIT.ldap();
    keys.put("LDAPURI", LDAP.uri());
    keys.put("CACHE_TIMEOUT", "0");
    keys.put("UIDTYPE", "entryUUID");
    keys.put("LDAPSEARCHFILTER", "(objectClass=inetOrgPerson)");
    Api.Reply r = api.post("resolver/" + resolver, keys, admin);
    assertEquals(200, r.status(), r.body());
    realm = ResolverApiIT.unique("dept");
    assertEquals(200, api.post("realm/" + realm, form("resolvers", resolver), admin).status());
    name = fresh();
    LDAP.add(
        "dn: "
            + Slapd.dnOf(name)
            + "\nobjectClass: inetOrgPerson\nuid: "
            + name
            + "\ncn: R\nsn: N\nuserPassword: rename-pass-1\n");
  }

  private static String fresh() {
    return "rn" + Long.toHexString(System.nanoTime());
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

  private boolean check(String user, String pass) {
    return api.check("user", user, "realm", realm, "pass", pass).value();
  }

  @Test
  void aRenamedUserChecksWithTheOldTokenUnderTheNewNameAndTheOldNameNoLonger() throws Exception {
    String serial = hotpFor(name);
    assertTrue(check(name, PIN + HOTP[0]));
    String renamed = fresh();
    LDAP.rename(name, renamed);

    assertTrue(check(renamed, PIN + HOTP[1]), "the new name reaches the token");
    assertEquals(renamed, api.token(admin, serial).getString("username"));
    assertFalse(check(name, PIN + HOTP[2]), "the old name reaches nothing");
    assertTrue(check(renamed, PIN + HOTP[2]), "the code the old name tried is still unused");
    api.delete("token/" + serial, admin);
  }

  @Test
  void theTokenListOfARenamedUserShowsTheirToken() throws Exception {
    String serial = hotpFor(name);
    String renamed = fresh();
    LDAP.rename(name, renamed);

    Api.Reply r = api.get("token/", form("user", renamed, "realm", realm), admin);
    assertEquals(200, r.status(), r.body());
    JsonArray listed = r.result().getJsonObject("value").getJsonArray("tokens");
    assertEquals(1, listed.size(), r.body());
    assertEquals(serial, listed.getJsonObject(0).getString("serial"));
    assertEquals(renamed, listed.getJsonObject(0).getString("username"));
    api.delete("token/" + serial, admin);
  }
}
