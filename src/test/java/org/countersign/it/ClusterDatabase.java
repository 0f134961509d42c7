package org.countersign.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database of its own for a test that starts servers itself: an H2 file in the H2 pass, a fresh
 * PostgreSQL schema in the PostgreSQL pass (the pom's postgres-it profile sets {@code
 * it.db=postgres} and {@code it.postgres.url}). It gives the system properties that point a server
 * at it and plain JDBC access.
 */
public final class ClusterDatabase {

  private final String url;
  private final String user;
  private final String password;
  private final boolean postgres;

  private ClusterDatabase(String url, String user, String password, boolean postgres) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.postgres = postgres;
  }

  public static boolean onPostgres() {
    return "postgres".equals(System.getProperty("it.db"));
  }

  /**
   * An empty database named after the test; {@code dir} holds the H2 file when the pass runs on H2.
   */
  public static ClusterDatabase fresh(String name, Path dir) {
    if (!onPostgres()) {
      String file = dir.resolve("countersign").toAbsolutePath().toString();
      return new ClusterDatabase(
          "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000",
          "countersign",
          "countersign",
          false);
    }
    String base = System.getProperty("it.postgres.url");
    String user = System.getProperty("it.postgres.user", "countersign");
    String password = System.getProperty("it.postgres.password", "countersign");
    String passSchema = base.substring(base.indexOf("currentSchema=") + "currentSchema=".length());
    String schema = passSchema + "_" + name;
    try (Connection c = DriverManager.getConnection(base, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the schema " + schema, e);
    }
    return new ClusterDatabase(
        base.replace("currentSchema=" + passSchema, "currentSchema=" + schema),
        user,
        password,
        true);
  }

  /** System properties that point a server at this database. */
  public Map<String, String> serverProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("countersign.db.url", url);
    p.put("countersign.db.user", user);
    p.put("countersign.db.password", password);
    p.put(
        "countersign.db.datasource",
        postgres ? "org.postgresql.ds.PGSimpleDataSource" : "org.h2.Driver");
    return p;
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

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Runs one statement with parameters and returns the update count. */
  public int update(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("update failed: " + sql, e);
    }
  }

  /** The first column of the first row, or null when there is no row. */
  public Object value(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  public long count(String sql, Object... args) {
    return ((Number) value(sql, args)).longValue();
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
