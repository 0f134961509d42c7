package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.countersign.auth.Authentication;

/** {@code POST /auth}: exchanges a user name and password for a JWT. */
@Path("auth")
@ApplicationScoped
public class AuthResource extends ApiResource {

  @POST
  public Response login(byte[] body) {
    Params p = params(body);
    String username = p.required("username");
    String password = p.required("password");
    Authentication.Login login =
        authentication.login(username, password, p.optional("realm").filter(s -> !s.isEmpty()), origin());
    var caller = login.caller();
    var rights = Jsonp.createArrayBuilder();
    caller.role().rights().forEach(rights::add);
    JsonObject value =
        Jsonp.createObjectBuilder()
            .add("token", login.jwt().token())
            .add("username", caller.username())
            .add("realm", caller.realm())
            .add("role", caller.role().wireName())
            .add("rights", rights)
            .add("auth", true)
            .build();
    return responses.authentication(value, "ACCEPT", null);
  }
}
