package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.countersign.config.Settings;

/**
 * The server's root: people who open it in a browser land on their tokens (or the sign-in page
 * first).
 */
@Path("")
@ApplicationScoped
public class RootResource extends ApiResource {

  @Inject Settings settings;

  /**
   * To the pages under the public URL when one is configured, else under the URL of this request.
   */
  @GET
  public Response root() {
    return Response.seeOther(
            settings.publicUrl().orElse(uriInfo.getBaseUri()).resolve("ui/tokens.xhtml"))
        .header("Cache-Control", "no-store")
        .build();
  }
}
