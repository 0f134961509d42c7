package org.countersign.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.crypto.KeyException;
import org.countersign.crypto.KeyRing;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when one round trip to the database works and the master key still matches it: the key file
 * is present and the key check stored in the database opens with the loaded key. A load balancer
 * that polls {@code /health/ready} takes the node out while the database is away and puts it back
 * when it returns.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(ReadinessCheck.class.getName());

  @Inject DatabaseProbe database;
  @Inject KeyRing keys;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("countersign-database-and-key");
    Optional<String> stored;
    try {
      stored = database.storedKeyCheck();
    } catch (SQLException | RuntimeException e) {
      // the exception text may name hosts or users: the type is enough to tell an outage from a bug
      LOG.log(
          Level.WARNING, "Readiness: the database check failed with {0}", e.getClass().getName());
      return response.down().withData("database", "unavailable").build();
    }
    boolean keyMatches;
    try {
      keyMatches =
          stored.isPresent()
              && keys.opensKeyCheck(stored.get())
              && keys.keyFile().read().isPresent();
    } catch (KeyException unreadable) {
      keyMatches = false;
    }
    return response
        .status(keyMatches)
        .withData("database", "up")
        .withData("key", keyMatches ? "matches" : "missing or different")
        .build();
  }
}
