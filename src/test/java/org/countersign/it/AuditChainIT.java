package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tamper-evident audit trail: rows changed, deleted or inserted with SQL behind the running
 * server's back are named by {@code GET /audit/verify} and by the command-line check; put back, the
 * chain verifies again.
 */
class AuditChainIT extends OnDefaultServer {

  private final Database db = Database.of("payara");

  private JsonObject verify() {
    Api.Reply r = api.get("audit/verify", Map.of(), admin);
    assertEquals(200, r.status(), r.body());
    return r.result().getJsonObject("value");
  }

  private static Long brokenId(JsonObject v) {
    JsonValue id = v.get("first_broken_id");
    return id == JsonValue.NULL ? null : v.getJsonNumber("first_broken_id").longValue();
  }

  /** The audit rows of checks of a fresh unknown user, in chain order. */
  private List<Map<String, Object>> rowsOfChecks(int checks) {
    String user = "tamper" + Long.toHexString(System.nanoTime());
    for (int i = 0; i < checks; i++) {
      api.check("user", user, "pass", "123456");
    }
    return db.rows("SELECT * FROM cs_audit WHERE username = ? ORDER BY seq", user);
  }

  private static long id(Map<String, Object> row) {
    return ((Number) row.get("id")).longValue();
  }

  private long nextInSegment(Map<String, Object> row) {
    return id(
        db.rows(
                "SELECT id FROM cs_audit WHERE segment_id = ? AND seq = ?",
                row.get("segment_id"),
                ((Number) row.get("seq")).longValue() + 1)
            .get(0));
  }

  private void insert(Map<String, Object> row) {
    String columns = String.join(", ", row.keySet());
    String marks = row.keySet().stream().map(k -> "?").collect(Collectors.joining(", "));
    db.update(
        "INSERT INTO cs_audit (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
  }

  private void assertValid() {
    JsonObject v = verify();
    assertTrue(v.getBoolean("valid"), v.toString());
    assertEquals(JsonValue.NULL, v.get("first_broken_id"));
  }

  @Test
  void anUntouchedTrailVerifiesAndCountsItsRows() {
    rowsOfChecks(3);
    JsonObject v = verify();
    assertTrue(v.getBoolean("valid"), v.toString());
    assertTrue(v.getJsonNumber("checked").longValue() >= 3, v.toString());
    assertEquals(JsonValue.NULL, v.get("first_broken_id"));
  }

  @Test
  void anUpdatedRowIsNamed() {
    Map<String, Object> row = rowsOfChecks(2).get(0);
    assertEquals(1, db.update("UPDATE cs_audit SET success = TRUE WHERE id = ?", id(row)));
    try {
      JsonObject v = verify();
      assertFalse(v.getBoolean("valid"), v.toString());
      assertEquals(id(row), brokenId(v), v.toString());
    } finally {
      db.update("UPDATE cs_audit SET success = FALSE WHERE id = ?", id(row));
    }
    assertValid();
  }

  @Test
  void aDeletedRowBreaksTheChainAtTheRowAfterIt() {
    List<Map<String, Object>> rows = rowsOfChecks(2);
    Map<String, Object> row = rows.get(0);
    long next = nextInSegment(row);
    assertEquals(1, db.update("DELETE FROM cs_audit WHERE id = ?", id(row)));
    try {
      JsonObject v = verify();
      assertFalse(v.getBoolean("valid"), v.toString());
      assertEquals(next, brokenId(v), v.toString());
    } finally {
      insert(row);
    }
    assertValid();
  }

  @Test
  void insertedRowsAreNamed() {
    Map<String, Object> row = new java.util.LinkedHashMap<>(rowsOfChecks(1).get(0));
    long forged = id(row) + 5_000_000_000L;
    row.put("id", forged);
    row.put("segment_id", null);
    row.put("seq", null);
    row.put("chain_hash", null);
    insert(row);
    try {
      JsonObject v = verify();
      assertFalse(v.getBoolean("valid"), v.toString());
      assertEquals(forged, brokenId(v), "a row without a place in the chain: " + v);
    } finally {
      db.update("DELETE FROM cs_audit WHERE id = ?", forged);
    }
    row.put("segment_id", 987_654_321L);
    row.put("seq", 1L);
    row.put("chain_hash", "00");
    insert(row);
    try {
      assertEquals(forged, brokenId(verify()), "a row of a segment that does not exist");
    } finally {
      db.update("DELETE FROM cs_audit WHERE id = ?", forged);
    }
    assertValid();
  }

  @Test
  void onlyAdministratorsVerify() {
    assertEquals(401, api.get("audit/verify", Map.of(), null).status());
    String user = api.newUser(admin, "veri", "user-Passw0rd");
    Api.Reply r = api.get("audit/verify", Map.of(), api.login(user, "user-Passw0rd"));
    assertEquals(403, r.status(), r.body());
  }

  @Test
  void adminActionsAndThePurgeAreInTheMetrics() {
    double before = metric("countersign_admin_actions_total", "action=\"user_create\"");
    api.newUser(admin, "metr", "user-Passw0rd");
    assertEquals(
        before + 1, metric("countersign_admin_actions_total", "action=\"user_create\""), 0.0);
    String text = metrics();
    assertTrue(
        text.contains("countersign_admin_actions_total{action=\"token_reset\""),
        "registered at zero: " + text);
    assertTrue(text.contains("countersign_audit_purge_runs_total"), text);
    assertTrue(text.contains("countersign_audit_purged_rows_total"), text);
  }

  private String metrics() {
    Api.Reply r =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/metrics"))
                .header("Accept", "text/plain")
                .GET());
    assertEquals(200, r.status());
    return r.body();
  }

  /** The value of the first sample of {@code name} whose labels contain {@code labels}. */
  private double metric(String name, String labels) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
            .matcher(metrics());
    while (m.find()) {
      if (m.group(1) != null && m.group(1).contains(labels)) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("no sample " + name + " " + labels);
  }

  private record Run(int exit, String out, String err) {}

  private Run cli(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp",
                System.getProperty("java.class.path"),
                "org.countersign.audit.cli.AuditChainCheck"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the check ends");
    return new Run(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
  }

  @Test
  void theCommandLineCheckGivesTheSameAnswerWithoutTheServer() throws Exception {
    Map<String, Object> row = rowsOfChecks(2).get(0);
    String key = db.keyFile().toString();
    Run ok = cli(db.url(), db.user(), db.password(), key);
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    assertTrue(ok.out().startsWith("{\"valid\":true,\"checked\":"), ok.out());
    assertTrue(ok.out().contains("\"first_broken_id\":null"), ok.out());
    db.update("UPDATE cs_audit SET client = '10.9.9.9' WHERE id = ?", id(row));
    try {
      Run broken = cli(db.url(), db.user(), db.password(), key);
      assertEquals(1, broken.exit(), broken.out() + broken.err());
      assertTrue(broken.out().contains("\"first_broken_id\":" + id(row) + ","), broken.out());
      assertEquals(id(row), brokenId(verify()), "the endpoint names the same row");
    } finally {
      db.update("UPDATE cs_audit SET client = ? WHERE id = ?", row.get("client"), id(row));
    }
    assertEquals(0, cli(db.url(), db.user(), db.password(), key).exit());
    assertEquals(2, cli(db.url(), db.user()).exit(), "bad usage");
    assertEquals(2, cli(db.url(), db.user(), db.password(), key + ".missing").exit());
  }
}
