package org.countersign.ops;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One round trip to the database for the readiness check. Kept apart from the check itself: the
 * server resolves {@code @Resource} injections while it installs the deployment, and a class that
 * also names the MicroProfile Health API would then stop the deployment on a server without it
 * (WildFly's standalone.xml).
 *
 * <p>Created with the application, not on first use: the health endpoint calls the check from the
 * server's own context, where the application's {@code java:app} names cannot be looked up.
 */
@ApplicationScoped
public class DatabaseProbe {

  private static final String KEY_CHECK = "SELECT meta_value FROM cs_meta WHERE name = 'key-check'";

  @Resource(lookup = "java:app/jdbc/countersign")
  DataSource dataSource;

  void createWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // nothing to do: observing the start creates the bean, and so injects the datasource, in the
    // application
  }

  /**
   * The key check the database stores; empty when it has none. Fails when the database does not
   * answer.
   */
  public Optional<String> storedKeyCheck() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(KEY_CHECK)) {
      s.setQueryTimeout(5);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
