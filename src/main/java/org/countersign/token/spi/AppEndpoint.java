package org.countersign.token.spi;

import java.net.URI;
import org.countersign.api.Params;
import org.countersign.audit.Origin;

/**
 * Capability of a type whose smartphone app talks to the server directly: answers requests to
 * {@code /ttype/<type>}. The reply is the app's own format (plain text or raw JSON), not the API
 * envelope; malformed requests may throw {@code DomainException} for an envelope.
 */
public interface AppEndpoint {

  AppReply handle(Params params, AppContext context);

  /** Where the request came from, and the public base URL the app reaches this server at. */
  record AppContext(URI publicBase, Origin origin) {}

  /** An HTTP reply in the app's own format. */
  record AppReply(int status, String mediaType, String body) {

    public static AppReply text(String body) {
      return new AppReply(200, "text/plain;charset=UTF-8", body);
    }

    public static AppReply json(String body) {
      return new AppReply(200, "application/json;charset=UTF-8", body);
    }
  }
}
