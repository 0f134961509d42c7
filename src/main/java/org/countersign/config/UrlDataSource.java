package org.countersign.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The datasource class when {@code countersign.db.datasource} is not set: it opens each connection
 * with the JDBC driver that the URL names ({@code jdbc:h2:...} with H2's, {@code
 * jdbc:postgresql:...} with PostgreSQL's), so that {@code COUNTERSIGN_DB_URL} alone chooses the
 * database. A class named in the setting wins, as before.
 *
 * <p>Why a class and not a derived setting: the server creates the datasource of {@code web.xml}
 * before the application's own configuration sources are visible. Why a plain {@link DataSource}:
 * it is no XA resource, so a commit takes the one-phase path, as with H2's {@code Driver}, the
 * default before (a {@code Driver} class would not do: Payara loads those from its own libraries
 * only, not from the WAR).
 */
public final class UrlDataSource implements DataSource {

  /** The driver class for each URL prefix; both drivers are packaged in the WAR. */
  private static final Map<String, String> DRIVERS =
      Map.of(
          "jdbc:h2:", "org.h2.Driver",
          "jdbc:postgresql:", "org.postgresql.Driver");

  private volatile String url;
  private volatile String user;
  private volatile String password;
  private volatile int loginTimeout;
  private volatile PrintWriter logWriter;

  /** The class of the driver for this JDBC URL, when the WAR has one. */
  public static Optional<String> driverClassFor(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String u = url.strip();
    return DRIVERS.entrySet().stream()
        .filter(e -> u.regionMatches(true, 0, e.getKey(), 0, e.getKey().length()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** The spelling H2's and some servers' property setters use. */
  public void setURL(String url) {
    setUrl(url);
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String secret) throws SQLException {
    Properties info = new Properties();
    if (username != null) {
      info.setProperty("user", username);
    }
    if (secret != null) {
      info.setProperty("password", secret);
    }
    Connection c = driver().connect(url, info);
    if (c == null) {
      throw new SQLException("The JDBC driver refused the URL of countersign.db.url");
    }
    return c;
  }

  private Driver driver() throws SQLException {
    String name =
        driverClassFor(url)
            .orElseThrow(
                () ->
                    new SQLException(
                        "countersign.db.url must start with jdbc:h2: or jdbc:postgresql:, or countersign.db.datasource must name"
                            + " the datasource class"));
    try {
      return (Driver)
          Class.forName(name, true, UrlDataSource.class.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new SQLException("The JDBC driver " + name + " cannot be loaded", e);
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /**
   * Kept for the server; the URL carries the driver's own time-outs (see config/postgresql.env).
   */
  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
