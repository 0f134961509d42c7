package org.countersign.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the running server stored. H2 runs in AUTO_SERVER mode, so this process joins the
 * server's database over loopback instead of opening the file a second time. Tests inspect; the few
 * that change rows behind the server's back (retention, tampering) put them back.
 */
public final class Database {

  private final String url;
  private final String user;
  private final String password;
  private final java.nio.file.Path keyFile;

  private Database(String url, String user, String password, java.nio.file.Path keyFile) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.keyFile = keyFile;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The key file of the servers that use this database. */
  public java.nio.file.Path keyFile() {
    return keyFile;
  }

  /**
   * The database of the server booted for this container qualifier: its H2 file, or in the
   * PostgreSQL pass of the build ({@code it.db=postgres}) the one PostgreSQL database every
   * container shares.
   */
  public static Database of(String qualifier) {
    if ("postgres".equals(System.getProperty("it.db"))) {
      return new Database(
          System.getProperty("it.postgres.url"),
          System.getProperty("it.postgres.user"),
          System.getProperty("it.postgres.password"),
          java.nio.file.Path.of(System.getProperty("it.dir"), "shared", "countersign.key"));
    }
    return new Database(
        "jdbc:h2:file:"
            + Deployments.dataDir(qualifier).getPath()
            + "/countersign;AUTO_SERVER=TRUE",
        "countersign",
        "countersign",
        Deployments.dataDir(qualifier).toPath().resolve("countersign.key"));
  }

  /** All rows of a query, each as column label (lower case) to value. */
  public List<Map<String, Object>> rows(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= meta.getColumnCount(); col++) {
            row.put(meta.getColumnLabel(col).toLowerCase(java.util.Locale.ROOT), rs.getObject(col));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
  public int update(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("update failed: " + sql, e);
    }
  }

  /**
   * The whole database as H2's {@code SCRIPT} writes it: schema and every row, as SQL text (H2
   * only).
   */
  public String script() {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> row : rows("SCRIPT")) {
      out.append(row.values().iterator().next()).append('\n');
    }
    return out.toString();
  }
}
