package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The server's root: people who open it in a browser land on their tokens (or the sign-in page first). */
@Path("")
@ApplicationScoped
public class RootResource extends ApiResource {

  @GET
  public Response root() {
    return Response.seeOther(uriInfo.getBaseUriBuilder().path("ui/tokens.xhtml").build())
        .header("Cache-Control", "no-store")
        .build();
  }
}
