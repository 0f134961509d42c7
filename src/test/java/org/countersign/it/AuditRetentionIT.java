package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code countersign.audit.retention.days} (1 on the "short" server): the minute timer deletes
 * entries older than the retention and keeps the rest.
 */
class AuditRetentionIT extends ServerTest {

  @Deployment(testable = false)
  @TargetsContainer("short")
  static WebArchive deployment() {
    return Deployments.war();
  }

  private long count(String user) {
    return api.get("audit/", form("user", user), admin)
        .result()
        .getJsonObject("value")
        .getInt("count");
  }

  @Test
  void entriesOlderThanTheRetentionArePurgedByTheTimer() throws Exception {
    String old = "old" + Long.toHexString(System.nanoTime());
    String recent = "new" + Long.toHexString(System.nanoTime());
    api.check("user", old, "pass", "123456");
    api.check("user", recent, "pass", "123456");
    assertEquals(1, count(old));
    Timestamp threeDaysAgo = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(3));
    assertEquals(
        1,
        Database.of("short")
            .update("UPDATE cs_audit SET at_utc = ? WHERE username = ?", threeDaysAgo, old));
    long deadline = System.nanoTime() + 75_000_000_000L;
    while (count(old) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(2000);
    }
    assertEquals(0, count(old), "purged within a run of the minute timer");
    assertTrue(count(recent) >= 1, "a recent entry is kept");
  }
}
