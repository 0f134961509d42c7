package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.countersign.auth.Caller;
import org.countersign.json.Jsonp;

/** {@code /defaultrealm/}: which realm a user name without a realm belongs to. */
@Path("defaultrealm")
@ApplicationScoped
public class DefaultRealmResource extends ApiResource {

  @POST
  @Path("{name}")
  public Response set(@PathParam("name") String name, byte[] body) {
    Caller caller = caller();
    caller.requireAdmin();
    return responses.ok(Jsonp.createValue(realms.makeDefault(path(name), caller.origin())));
  }

  @GET
  public Response get() {
    caller().requireAdmin();
    String name = realms.defaultName();
    return responses.ok(
        Jsonp.createObjectBuilder()
            .add(name, Jsonp.createObjectBuilder().add("default", true))
            .build());
  }
}
