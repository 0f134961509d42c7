package org.countersign.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.countersign.audit.Origin;
import org.countersign.auth.Authentication;
import org.countersign.auth.Caller;

/**
 * What every resource needs from the request: merged parameters, the client address and the authenticated
 * caller. Resources stay thin: parse, check, hand over to a service, wrap the answer.
 */
public abstract class ApiResource {

  @Context UriInfo uriInfo;
  @Context HttpHeaders headers;
  @Context HttpServletRequest servletRequest;

  @Inject protected Responses responses;
  @Inject Authentication authentication;

  protected Params params(byte[] body) {
    return Params.parse(uriInfo.getQueryParameters(), headers.getMediaType(), body, unquoting());
  }

  protected Params query() {
    return Params.parse(uriInfo.getQueryParameters(), null, null, unquoting());
  }

  /** A value from the path ({@code /token/<serial>}, {@code /user/<name>}), decoded as query values are. */
  protected String path(String value) {
    return value == null ? null : unquoting().apply(value);
  }

  private Unquoting unquoting() {
    return Unquoting.forUserAgent(headers.getHeaderString(HttpHeaders.USER_AGENT));
  }

  protected String client() {
    return servletRequest.getRemoteAddr();
  }

  protected Origin origin() {
    return Origin.anonymous(client());
  }

  /** The caller named by the JWT in {@code PI-Authorization} or {@code Authorization}; 401 otherwise. */
  protected Caller caller() {
    String header = headers.getHeaderString("PI-Authorization");
    if (header == null || header.isBlank()) {
      header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    }
    return authentication.resolve(header, client());
  }
}
