package org.countersign.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.countersign.config.HttpSettings;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;

/**
 * Refuses a request whose Host header names a host this server does not answer for (only while no
 * public URL is configured, see {@link HttpSettings#HOSTS_ALLOWED}), before any URL is built from
 * it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class HostCheckFilter implements ContainerRequestFilter {

  @Inject HttpSettings httpSettings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!httpSettings.hostAllowed(request.getHeaderString(HttpHeaders.HOST))) {
      throw new DomainException(
          Reason.PARAMETER, "This server does not answer for the host named in the request");
    }
  }
}
