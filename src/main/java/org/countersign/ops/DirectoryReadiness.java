package org.countersign.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.countersign.resolver.DirectoryPool;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each LDAP resolver as {@code up}, {@code down} (its directory does not answer within its
 * TIMEOUT) or {@code misconfigured} (it cannot be opened on this node, e.g. its CA file is
 * missing). The check itself stays up: a directory outage fails only that directory's users, and
 * taking every node out of the load balancer for it would fail everyone else too.
 */
@Readiness
@ApplicationScoped
public class DirectoryReadiness implements HealthCheck {

  @Inject DirectoryPool pool;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("countersign-directories").up();
    pool.states().forEach((name, state) -> response.withData("resolver " + name, state.wireName()));
    return response.build();
  }
}
