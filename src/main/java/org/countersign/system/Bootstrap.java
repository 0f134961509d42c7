package org.countersign.system;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.countersign.crypto.KeyException;
import org.countersign.user.AdminAccounts;
import org.flywaydb.core.Flyway;

/**
 * Brings the server up in order: a check of the configured admin password, schema migrations, then the master
 * key (checked against the database), then the first admin account. Any failure stops the deployment with one
 * clear log line, so the server never runs against a schema it does not know, with a key that does not open its
 * secrets or with a placeholder or short admin password.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  @Resource(lookup = "java:app/jdbc/countersign")
  DataSource dataSource;

  @Inject KeyCheck keyCheck;
  @Inject AdminAccounts admins;

  @PostConstruct
  void start() {
    try {
      admins.checkConfiguredPassword();
      migrate();
      keyCheck.loadKey();
      admins.ensureInitialAdmin();
    } catch (KeyException | IllegalStateException e) {
      LOG.log(Level.SEVERE, "Countersign cannot start: {0}", e.getMessage());
      throw e;
    }
  }

  private void migrate() {
    Flyway flyway =
        Flyway.configure(Bootstrap.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .table("cs_schema_history")
            .load();
    int applied = flyway.migrate().migrationsExecuted;
    if (applied > 0) {
      LOG.log(Level.INFO, "Database schema upgraded by {0} migration(s)", applied);
    }
  }
}
