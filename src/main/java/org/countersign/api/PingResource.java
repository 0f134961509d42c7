package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /ping}: the liveness ping. Answers {@code result.value=true} in the usual envelope
 * without touching the database or any request-scoped state, so it also serves the performance
 * benchmark ({@code bench/run.sh}) as the ceiling of the container: what one JAX-RS call costs on
 * this server.
 */
@Path("ping")
@ApplicationScoped
public class PingResource {

  @Inject Responses responses;

  @GET
  public Response ping() {
    return responses.ok(JsonValue.TRUE);
  }
}
