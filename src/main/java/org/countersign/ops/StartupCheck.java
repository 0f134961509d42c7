package org.countersign.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.countersign.crypto.KeyException;
import org.countersign.crypto.KeyRing;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the start-up ran its migrations and installed the master key (the key ring is
 * loaded).
 */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

  @Inject KeyRing keys;

  @Override
  public HealthCheckResponse call() {
    try {
      keys.secrets();
      return HealthCheckResponse.up("countersign-started");
    } catch (KeyException notYet) {
      return HealthCheckResponse.down("countersign-started");
    }
  }
}
