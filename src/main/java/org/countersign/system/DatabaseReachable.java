package org.countersign.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * One connection before EclipseLink's first login. Payara logs in while it prepares the deployment,
 * before any other code of the application runs; a database that does not answer would fail the
 * deployment there, and the process would run on without the application. Refusing here gives the
 * one log line and, on Payara Micro, the end of the process ({@link StartRefusal}).
 */
final class DatabaseReachable {

  private DatabaseReachable() {}

  static void require(Session session) {
    if (!(session.getDatasourceLogin() instanceof DatabaseLogin login)
        || !(login.getConnector() instanceof JNDIConnector connector)) {
      return;
    }
    try (Connection c = dataSource(connector).getConnection()) {
      // the connection opened: the database answers
    } catch (SQLException | NamingException | RuntimeException e) {
      throw StartRefusal.refuse(
          "the database does not answer ("
              + e.getClass().getSimpleName()
              + ": "
              + firstLine(e.getMessage())
              + ")");
    }
  }

  private static DataSource dataSource(JNDIConnector connector) throws NamingException {
    if (connector.getDataSource() != null) {
      return connector.getDataSource();
    }
    return (DataSource) new InitialContext().lookup(connector.getName());
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
