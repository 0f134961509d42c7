package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back while a node runs. Meanwhile nothing is accepted, every
 * request fails fast with the error envelope and the node reports itself unready; once the database
 * answers again the node serves within 30 s without a restart. The outage is a cut relay in front
 * of PostgreSQL, so other builds sharing that PostgreSQL see nothing. PostgreSQL pass only.
 */
class ClusterOutageIT {

  /**
   * A failed request must answer within this time. The JDBC failures themselves take milliseconds;
   * EclipseLink's retries of a lost query are switched off (system.EclipseLinkTuning), so the bound
   * is the pool's connection check and its 2.5 s wait for a connection.
   */
  private static final long FAST_MILLIS = 4_000;

  private static final long RECOVERY_MILLIS = 30_000;

  @Test
  void duringAnOutageNothingIsAcceptedRequestsFailFastAndServiceReturnsByItself() throws Exception {
    Assumptions.assumeTrue(
        ClusterDatabase.onPostgres(), "needs the PostgreSQL pass (profile postgres-it)");
    Path dir = Path.of(System.getProperty("it.dir", "target/it"), "outage").toAbsolutePath();
    ClusterDatabase db = ClusterDatabase.fresh("outage", dir);
    URI real = URI.create(db.url().substring("jdbc:".length()));
    try (ClusterDatabaseProxy proxy = new ClusterDatabaseProxy(real.getHost(), real.getPort());
        ClusterNode node = ClusterNode.of("outage", dir, relayed(db, proxy, dir)).start()) {
      Api api = node.api();
      String admin = api.adminJwt();
      String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY);
      Codes codes = Codes.rfc4226();
      assertTrue(api.check("serial", serial, "pass", codes.hotp(0)).value());

      proxy.cut();
      for (int i = 1; i <= 3; i++) {
        long started = System.currentTimeMillis();
        Api.Reply r = api.check("serial", serial, "pass", codes.hotp(i));
        long took = System.currentTimeMillis() - started;
        assertEquals(503, r.status(), r.body());
        assertFalse(r.result().getBoolean("status"), r.body());
        assertFalse(
            r.result().containsKey("value") && r.result().get("value").toString().equals("true"),
            r.body());
        assertTrue(took < FAST_MILLIS, "answer took " + took + " ms");
      }
      assertEquals(503, api.get("health/ready", Map.of()).status());
      assertEquals(200, api.get("health/live", Map.of()).status());

      proxy.restore();
      long back = System.currentTimeMillis();
      Api.Reply r;
      do {
        ClusterNode.sleep(500);
        r = api.check("serial", serial, "pass", codes.hotp(1));
      } while (r.status() != 200 && System.currentTimeMillis() - back < RECOVERY_MILLIS);
      assertEquals(200, r.status(), "not recovered within 30 s: " + r.body());
      assertTrue(r.value(), r.body());
      assertEquals(200, api.get("health/ready", Map.of()).status());
    }
  }

  /**
   * The node reaches its database only through the relay, with short timeouts so that an outage
   * shows quickly.
   */
  private static Map<String, String> relayed(
      ClusterDatabase db, ClusterDatabaseProxy proxy, Path dir) {
    Map<String, String> props = new LinkedHashMap<>(db.serverProperties());
    URI real = URI.create(db.url().substring("jdbc:".length()));
    String url =
        db.url().replace(real.getHost() + ":" + real.getPort(), "127.0.0.1:" + proxy.port());
    props.put("countersign.db.url", url + "&connectTimeout=3&socketTimeout=20");
    props.put("countersign.data.dir", dir.resolve("data").toString());
    return props;
  }
}
