package org.countersign.system;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.countersign.audit.AuditChain;
import org.countersign.config.ReadAtStart;
import org.countersign.crypto.KeyException;
import org.countersign.user.AdminAccounts;
import org.flywaydb.core.Flyway;

/**
 * Brings the server up in order: every package's settings ({@link ReadAtStart}), a check of the
 * configured admin password, schema migrations, then the master key (checked against the database),
 * then the first admin account. Any failure stops the deployment with one clear log line ({@link
 * StartRefusal}; on Payara Micro the process ends too), so the server never runs against a schema
 * it does not know, with a key that does not open its secrets or with a placeholder or short admin
 * password.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  @Resource(lookup = "java:app/jdbc/countersign")
  DataSource dataSource;

  @Inject @Any Instance<ReadAtStart> settings;
  @Inject KeyCheck keyCheck;
  @Inject AdminAccounts admins;
  @Inject AuditChain auditChain;

  @PostConstruct
  void start() {
    try {
      readSettings();
      admins.checkConfiguredPassword();
      migrate();
      keyCheck.loadKey();
      auditChain.open();
      admins.ensureInitialAdmin();
    } catch (KeyException | IllegalStateException e) {
      throw StartRefusal.refuse(e.getMessage());
    } catch (RuntimeException e) {
      // a database that cannot be reached or used (Flyway, JDBC): the first line of the message
      // says which
      throw StartRefusal.refuse(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
    }
  }

  /** Reads every package's settings; a bad one fails with its own message, not the container's. */
  private void readSettings() {
    try {
      settings.forEach(ReadAtStart.class::cast);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t instanceof IllegalStateException refused) {
          throw refused;
        }
      }
      throw e;
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
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
