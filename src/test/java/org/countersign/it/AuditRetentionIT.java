package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.countersign.audit.ChainMac;
import org.countersign.audit.ChainRow;
import org.countersign.crypto.KeyFile;
import org.countersign.crypto.KeyRing;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code countersign.audit.retention.days} (1 on the "short" server): the minute timer deletes
 * entries older than the retention and keeps the rest, and the chain still verifies afterwards; a
 * recent row dated back is not purged but named as broken.
 */
class AuditRetentionIT extends ServerTest {

  private final Database db = Database.of("short");

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

  private JsonObject verify() {
    return api.get("audit/verify", Map.of(), admin).result().getJsonObject("value");
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  /**
   * Writes, with the key file, what a node that ran three days ago left behind: a segment of its
   * own and two entries of the user, linked as the server links them.
   */
  private void oldNodeWith(String user) {
    ChainMac mac =
        new ChainMac(KeyRing.auditChainKey(new KeyFile(db.keyFile()).read().orElseThrow()));
    LocalDateTime then =
        LocalDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.MICROS);
    long segment = number(db.rows("SELECT nextval('cs_audit_segment_seq') AS v").get(0).get("v"));
    long previous =
        number(
            db.rows("SELECT MAX(id) AS v FROM cs_audit_segment WHERE id < ?", segment)
                .get(0)
                .get("v"));
    String seal = mac.segmentSeal(segment, "old-node", then, previous);
    db.update(
        "INSERT INTO cs_audit_segment (id, node, started_utc, previous_id, seal, legacy_max_id,"
            + " purged_seq, checkpoint_seq, checkpoint_hash, checkpoint_utc, checkpoint_seal)"
            + " VALUES (?, 'old-node', ?, ?, ?, 0, 0, 0, ?, ?, ?)",
        segment,
        then,
        previous,
        seal,
        seal,
        then,
        mac.checkpointSeal(segment, 0, seal));
    // a block of ids of our own: the value drawn and the 999 below it
    long top = number(db.rows("SELECT nextval('cs_audit_seq') AS v").get(0).get("v"));
    String link = seal;
    for (int seq = 1; seq <= 2; seq++) {
      ChainRow row =
          new ChainRow(
              top - 2 + seq,
              segment,
              (long) seq,
              null,
              then.plusSeconds(seq),
              "validate_check",
              user,
              "default",
              null,
              null,
              false,
              "REJECT",
              "127.0.0.1",
              null,
              null);
      link = mac.link(link, row);
      db.update(
          "INSERT INTO cs_audit (id, segment_id, seq, chain_hash, at_utc, action, username, realm,"
              + " success, result, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
          row.id(),
          segment,
          row.seq(),
          link,
          row.at(),
          row.action(),
          user,
          row.realm(),
          row.result(),
          row.client());
    }
  }

  @Test
  void entriesOlderThanTheRetentionArePurgedByTheTimer() throws Exception {
    String old = "old" + Long.toHexString(System.nanoTime());
    String recent = "new" + Long.toHexString(System.nanoTime());
    api.check("user", recent, "pass", "123456");
    oldNodeWith(old);
    assertEquals(2, count(old));
    assertTrue(verify().getBoolean("valid"), verify().toString());
    long deadline = System.nanoTime() + 75_000_000_000L;
    while (count(old) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(2000);
    }
    assertEquals(0, count(old), "purged within a run of the minute timer");
    assertTrue(count(recent) >= 1, "a recent entry is kept");
    JsonObject after = verify();
    assertTrue(after.getBoolean("valid"), "a purge is no tampering: " + after);
  }

  @Test
  void aRecentEntryDatedBackIsNotPurgedButNamed() throws Exception {
    String user = "back" + Long.toHexString(System.nanoTime());
    api.check("user", user, "pass", "123456");
    api.check("user", user, "pass", "123456");
    Map<String, Object> row =
        db.rows("SELECT id, at_utc FROM cs_audit WHERE username = ? ORDER BY seq DESC", user)
            .get(0);
    LocalDateTime threeDaysAgo = LocalDateTime.now(ZoneOffset.UTC).minusDays(3);
    db.update("UPDATE cs_audit SET at_utc = ? WHERE id = ?", threeDaysAgo, row.get("id"));
    try {
      Thread.sleep(65_000);
      assertEquals(2, count(user), "not purged: the row no longer matches its link");
      JsonObject v = verify();
      assertFalse(v.getBoolean("valid"), v.toString());
      assertEquals(number(row.get("id")), v.getJsonNumber("first_broken_id").longValue());
    } finally {
      db.update("UPDATE cs_audit SET at_utc = ? WHERE id = ?", row.get("at_utc"), row.get("id"));
    }
    assertTrue(verify().getBoolean("valid"), verify().toString());
  }
}
