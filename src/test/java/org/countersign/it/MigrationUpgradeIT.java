package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.countersign.crypto.KeyFile;
import org.countersign.crypto.KeyedHash;
import org.countersign.crypto.PasswordHasher;
import org.countersign.crypto.SecretBox;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading in place: a database made by the first migration set (V1 only), holding a user, a TOTP
 * token and an audit row, is served by the current WAR. The server applies the later migrations at
 * start-up and everything the old version stored still works: the user logs in, the token accepts a
 * code, the audit row is still there.
 */
class MigrationUpgradeIT {

  private static final String PASSWORD = "migrated-Passw0rd";
  private static final String PIN = "2468";
  private final SecureRandom random = new SecureRandom();

  @Test
  void serverOnVersion1DatabaseAppliesLaterMigrationsAndKeepsUsersTokensAndAudit()
      throws Exception {
    Path dir = Path.of(System.getProperty("it.dir", "target/it"), "migration").toAbsolutePath();
    ClusterDatabase db = ClusterDatabase.fresh("migration", dir);
    Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations("classpath:db/migration")
        .table("cs_schema_history")
        .target("1")
        .load()
        .migrate();
    assertEquals(0, db.count("SELECT COUNT(*) FROM \"cs_schema_history\" WHERE \"version\" = '2'"));

    byte[] seed = new byte[20];
    random.nextBytes(seed);
    String user = "old" + Long.toHexString(System.nanoTime());
    String serial = "TOTPOLD" + Long.toHexString(System.nanoTime()).toUpperCase();
    storeVersion1Data(db, dir, user, serial, seed);

    Map<String, String> props = new LinkedHashMap<>(db.serverProperties());
    props.put("countersign.data.dir", dir.toString());
    try (ClusterNode node = ClusterNode.of("migration", dir, props).start()) {
      assertEquals(
          1, db.count("SELECT COUNT(*) FROM \"cs_schema_history\" WHERE \"version\" = '2'"));
      assertEquals(0, db.count("SELECT COUNT(*) FROM cs_challenge"));
      Api api = node.api();
      Api.Reply login = api.post("auth", form("username", user, "password", PASSWORD));
      assertEquals(200, login.status(), login.body());

      Codes codes =
          Codes.fromOtpauth(
              "otpauth://totp/old?secret=" + new Base32().encodeAsString(seed).replace("=", ""));
      codes.awayFromStepEdge();
      Api.Reply check = api.check("user", user, "pass", PIN + codes.totpNow());
      assertEquals(200, check.status(), check.body());
      assertTrue(check.value(), check.body());

      assertEquals("kept from version 1", db.value("SELECT info FROM cs_audit WHERE id = 1"));
      assertEquals(serial, db.value("SELECT serial FROM cs_token WHERE id = 1"));
    }
  }

  /** Rows as version 1 of the server wrote them, sealed under a key file it would have created. */
  private void storeVersion1Data(
      ClusterDatabase db, Path dir, String user, String serial, byte[] seed) {
    byte[] master = new KeyFile(dir.resolve("countersign.key")).create(random);
    SecretBox box = new SecretBox(derive(master, "seal"), random);
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    db.update(
        "INSERT INTO cs_meta (name, meta_value) VALUES ('key-check', ?)",
        box.seal("countersign key check".getBytes(StandardCharsets.US_ASCII), "key-check"));
    db.update(
        "INSERT INTO cs_user (id, realm, username, password_hash, given_name, surname, created_at)"
            + " VALUES (1, 'default', ?, ?, 'Old', 'Timer', ?)",
        user,
        new PasswordHasher(20000, random).hash(PASSWORD),
        now);
    db.update(
        "INSERT INTO cs_token (id, serial, token_type, username, realm, active, rollout_state, otp_len,"
            + " sealed_secret, pin_hash, last_counter, fail_count, max_fail, info, created_at)"
            + " VALUES (1, ?, 'totp', ?, 'default', TRUE, '', 6, ?, ?, 0, 0, 10, '{}', ?)",
        serial,
        user,
        box.seal(seed, serial),
        new KeyedHash(derive(master, "pin"), random).hash(PIN),
        now);
    db.update(
        "INSERT INTO cs_audit (id, at_utc, action, username, realm, serial, token_type, success, result, info)"
            + " VALUES (1, ?, 'token_init', ?, 'default', ?, 'totp', TRUE, 'ACCEPT', 'kept from version 1')",
        now,
        user,
        serial);
  }

  /**
   * The per-purpose key derivation of the server's key ring: HMAC-SHA256 of the master key over a
   * label.
   */
  private static byte[] derive(byte[] master, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(("countersign/" + label).getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
