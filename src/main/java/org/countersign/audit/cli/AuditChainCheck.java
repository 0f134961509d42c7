package org.countersign.audit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.countersign.audit.ChainMac;
import org.countersign.audit.ChainReport;
import org.countersign.audit.ChainVerification;
import org.countersign.crypto.KeyException;
import org.countersign.crypto.KeyFile;
import org.countersign.crypto.KeyRing;

/**
 * Verifies the audit chain of a database without a server: the same verification as {@code GET
 * /audit/verify}, reading over JDBC in one read-only, repeatable-read transaction. Prints the same
 * JSON and exits 0 when the chain holds, 1 when it is broken, 2 when it cannot check (bad
 * arguments, an unreadable key file, a database it cannot read).
 *
 * <pre>
 * java -cp 'WEB-INF/classes:WEB-INF/lib/*' org.countersign.audit.cli.AuditChainCheck \
 *     jdbc:postgresql://db:5432/countersign countersign - /etc/countersign/countersign.key
 * </pre>
 *
 * A password of {@code -} is read from the environment variable {@code COUNTERSIGN_DB_PASSWORD}, so
 * that it does not show in the process list.
 */
public final class AuditChainCheck {

  static final int VALID = 0;
  static final int BROKEN = 1;
  static final int USAGE = 2;
  private static final String USAGE_TEXT =
      "usage: AuditChainCheck <jdbc-url> <user> <password | -> <key-file>"
          + " (- reads COUNTERSIGN_DB_PASSWORD)";

  private AuditChainCheck() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 4) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    String password =
        "-".equals(args[2])
            ? Optional.ofNullable(System.getenv("COUNTERSIGN_DB_PASSWORD")).orElse("")
            : args[2];
    byte[] master;
    try {
      master =
          new KeyFile(Path.of(args[3]))
              .read()
              .orElseThrow(() -> new KeyException("Key file " + args[3] + " does not exist."));
    } catch (KeyException | java.nio.file.InvalidPathException e) {
      err.println(e.getMessage());
      return USAGE;
    }
    try (Connection db = DriverManager.getConnection(args[0], args[1], password)) {
      db.setReadOnly(true);
      db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      db.setAutoCommit(false);
      ChainReport report =
          new ChainVerification(new ChainMac(KeyRing.auditChainKey(master)), 500)
              .verify(new JdbcChainSource(db));
      db.rollback();
      out.println(json(report));
      return report.valid() ? VALID : BROKEN;
    } catch (SQLException | IllegalStateException e) {
      err.println("Cannot read the audit trail: " + e.getMessage());
      return USAGE;
    }
  }

  /** The same fields, in the same order, as {@code result.value} of {@code GET /audit/verify}. */
  static String json(ChainReport r) {
    return "{\"valid\":"
        + r.valid()
        + ",\"checked\":"
        + r.checked()
        + ",\"first_broken_id\":"
        + (r.firstBrokenId() == null ? "null" : r.firstBrokenId().toString())
        + ",\"unchained\":"
        + r.unchained()
        + ",\"reason\":"
        + (r.reason() == null ? "null" : quote(r.reason()))
        + "}";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
