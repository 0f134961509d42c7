package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.countersign.config.Settings;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.AppEndpoint;

/**
 * {@code /ttype/<type>}: where a token type's smartphone app talks to the server. The type answers
 * in the app's own format; the resource only finds the type and passes the request on.
 */
@Path("ttype/{type}")
@ApplicationScoped
public class TtypeResource extends ApiResource {

  @Inject TokenTypes types;
  @Inject Settings settings;

  @GET
  public Response get(@PathParam("type") String type) {
    return handle(type, query());
  }

  @POST
  public Response post(@PathParam("type") String type, byte[] body) {
    return handle(type, params(body));
  }

  private Response handle(String type, Params params) {
    AppEndpoint endpoint =
        types
            .capability(type, AppEndpoint.class)
            .orElseThrow(
                () ->
                    new DomainException(Reason.NOT_FOUND, "No app endpoint for this token type."));
    AppEndpoint.AppReply reply =
        endpoint.handle(params, new AppEndpoint.AppContext(publicBase(), origin()));
    return Response.status(reply.status())
        .type(reply.mediaType())
        .header("Cache-Control", "no-store")
        .entity(reply.body())
        .build();
  }

  /** The configured public URL, or else the base URL of this request. */
  private URI publicBase() {
    return settings.publicUrl().orElse(uriInfo.getBaseUri());
  }
}
