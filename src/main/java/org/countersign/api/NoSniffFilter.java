package org.countersign.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells browsers to take every API reply for the content type it declares ({@code
 * X-Content-Type-Options: nosniff}), so that a JSON reply that echoes request data is never run as
 * a script or page.
 */
@Provider
public class NoSniffFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
  }
}
