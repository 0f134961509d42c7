package org.countersign.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the challenge and enrolment-session rows the running server stored, on whichever database
 * the pass of the integration tests uses: the container's H2 file (joined over AUTO_SERVER) or,
 * when {@code it.db=postgres}, the PostgreSQL schema that every container of that pass shares.
 * Read-only.
 */
final class TiqrDatabase {

  private final String url;
  private final String user;
  private final String password;

  private TiqrDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  static TiqrDatabase of(String qualifier) {
    if ("postgres".equals(System.getProperty("it.db"))) {
      return new TiqrDatabase(
          System.getProperty("it.postgres.url"),
          System.getProperty("it.postgres.user"),
          System.getProperty("it.postgres.password"));
    }
    String file = Deployments.dataDir(qualifier).getPath() + "/countersign";
    return new TiqrDatabase(
        "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE", "countersign", "countersign");
  }

  /** The status of each stored challenge of a transaction. */
  List<String> challengeStatuses(String transactionId) {
    return strings("SELECT status FROM cs_challenge WHERE transaction_id = ?", transactionId);
  }

  /** One row per stored challenge of a transaction: serial, type, session key, question, status. */
  List<List<String>> challenges(String transactionId) {
    return query(
        "SELECT serial, token_type, session_key, challenge_data, status FROM cs_challenge"
            + " WHERE transaction_id = ?",
        transactionId);
  }

  /** The serials of stored enrolment sessions with this hash (zero or one). */
  List<String> enrolmentSessions(String sessionHash) {
    return strings("SELECT serial FROM cs_enrolment_session WHERE session_hash = ?", sessionHash);
  }

  private List<String> strings(String sql, String arg) {
    return query(sql, arg).stream().map(row -> row.get(0)).toList();
  }

  private List<List<String>> query(String sql, String arg) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }
}
