package org.countersign.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.countersign.audit.Origin;
import org.countersign.auth.Authentication;
import org.countersign.auth.Caller;
import org.countersign.config.HttpSettings;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.resolver.Realms;

/**
 * What every resource needs from the request: merged parameters, the client address and the
 * authenticated caller. Resources stay thin: parse, check, hand over to a service, wrap the answer.
 */
public abstract class ApiResource {

  @Context UriInfo uriInfo;
  @Context HttpHeaders headers;
  @Context HttpServletRequest servletRequest;

  @Inject protected Responses responses;
  @Inject Authentication authentication;
  @Inject HttpSettings httpSettings;
  @Inject Realms realms;

  protected Params params(byte[] body) {
    return Params.parse(checkedQuery(), headers.getMediaType(), body, unquoting())
        .splittingAtSign(this::isRealm);
  }

  /**
   * The parameters of a request whose method takes no entity (GET): the query string merged with a
   * body sent anyway, as privacyIDEA merges it, so that a malformed body is refused like any other.
   */
  protected Params query() {
    return Params.parse(checkedQuery(), headers.getMediaType(), unreadBody(), unquoting())
        .splittingAtSign(this::isRealm);
  }

  private boolean isRealm(String name) {
    return realms.find(name).isPresent();
  }

  /**
   * A value from the path ({@code /token/<serial>}, {@code /user/<name>}), decoded as query values
   * are.
   */
  protected String path(String value) {
    return value == null ? null : unquoting().apply(value);
  }

  private Unquoting unquoting() {
    return Unquoting.forUserAgent(headers.getHeaderString(HttpHeaders.USER_AGENT));
  }

  private MultivaluedMap<String, String> checkedQuery() {
    MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
    if (httpSettings.refusesQuerySecrets(uriInfo.getPath())) {
      Params.refuseSecretsIn(query);
    }
    return query;
  }

  private byte[] unreadBody() {
    if (servletRequest.getContentLengthLong() <= 0
        && servletRequest.getHeader("Transfer-Encoding") == null) {
      return null;
    }
    try {
      byte[] body =
          servletRequest.getInputStream().readNBytes(RequestLimitFilter.MAX_BODY_BYTES + 1);
      if (body.length > RequestLimitFilter.MAX_BODY_BYTES) {
        throw RequestLimitFilter.tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new DomainException(Reason.PARAMETER, "Unreadable request body");
    }
  }

  protected String client() {
    return servletRequest.getRemoteAddr();
  }

  protected Origin origin() {
    return Origin.anonymous(client());
  }

  /**
   * The caller named by the JWT in {@code PI-Authorization} or {@code Authorization}; 401
   * otherwise.
   */
  protected Caller caller() {
    String header = headers.getHeaderString("PI-Authorization");
    if (header == null || header.isBlank()) {
      header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    }
    return authentication.resolve(header, client());
  }
}
