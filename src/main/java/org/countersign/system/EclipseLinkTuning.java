package org.countersign.system;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a query that lost its connection, waiting five seconds between attempts. For
 * an authentication server that only delays the inevitable answer while the database is away: the
 * connection pool already replaces dead connections, so a failed query should fail the request at
 * once, with the error envelope. Named in persistence.xml; other JPA providers never load this
 * class. It also checks, before EclipseLink's first login, that the database answers ({@link
 * DatabaseReachable}).
 */
public class EclipseLinkTuning implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    DatabaseReachable.require(session);
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
