package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Map;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /health/ready} names every LDAP resolver with the state of its directory, follows the
 * directory down and back, and stays up itself: a directory outage fails only that directory's
 * users, so the node must stay in the load balancer.
 */
class DirectoryReadinessIT extends OnDefaultServer {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  private String resolver;
  private String realm;

  @BeforeEach
  void resolverAndRealm() {
    resolver = ResolverApiIT.unique("hr");
    Map<String, String> keys = ResolverApiIT.ldap();
    keys.put("LDAPURI", LDAP.uri());
    keys.put("CACHE_TIMEOUT", "0");
    assertEquals(200, api.post("resolver/" + resolver, keys, admin).status());
    realm = ResolverApiIT.unique("hrrealm");
    assertEquals(200, api.post("realm/" + realm, form("resolvers", resolver), admin).status());
  }

  @AfterEach
  void removeThem() {
    api.delete("realm/" + realm, admin);
    api.delete("resolver/" + resolver, admin);
  }

  @Test
  void reportsTheDirectoryUpThenDownThenUpAgainWhileStayingReady() throws Exception {
    assertEquals("up", stateOf(resolver, 200));

    LDAP.stop();
    try {
      assertEquals("down", stateOf(resolver, 200));
    } finally {
      LDAP.start();
    }

    assertEquals("up", stateOf(resolver, 200), "recovered without a restart");
  }

  @Test
  void aDeletedResolverIsNoLongerReported() {
    assertEquals("up", stateOf(resolver, 200));
    assertEquals(200, api.delete("realm/" + realm, admin).status());
    assertEquals(200, api.delete("resolver/" + resolver, admin).status());
    JsonObject data = directories(200).getJsonObject("data");
    assertFalse(
        data != null && data.containsKey("resolver " + resolver), "still reported: " + data);
  }

  /** The state that readiness gives this resolver; the whole answer has {@code status}. */
  private String stateOf(String name, int status) {
    return directories(status).getJsonObject("data").getString("resolver " + name);
  }

  private JsonObject directories(int status) {
    Api.Reply r =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/health/ready"))
                .header("Accept", "application/json")
                .GET());
    assertEquals(status, r.status(), r.body());
    assertEquals("UP", r.json().getString("status"), r.body());
    JsonObject check =
        r.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("countersign-directories"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no directory check in " + r.body()));
    assertEquals("UP", check.getString("status"), r.body());
    return check;
  }
}
