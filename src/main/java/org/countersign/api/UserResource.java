package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.countersign.auth.Caller;
import org.countersign.error.DomainException;
import org.countersign.json.Jsonp;
import org.countersign.user.NewUser;
import org.countersign.user.User;
import org.countersign.user.UserStore;

/** {@code /user/}: the built-in user store, for administrators. */
@Path("user")
@ApplicationScoped
public class UserResource extends ApiResource {

  @Inject UserStore users;

  @POST
  public Response create(byte[] body) {
    Caller caller = caller();
    caller.requireAdmin();
    Params p = params(body);
    String realm = users.requireRealm(p.optional("realm"));
    NewUser request =
        new NewUser(
            realm,
            p.required("user"),
            p.required("password"),
            p.optional("givenname").orElse(""),
            p.optional("surname").orElse(""),
            p.optional("email").orElse(""));
    for (String field : new String[] {"givenname", "surname", "email"}) {
      if (p.optional(field).orElse("").length() > 128) {
        throw DomainException.invalid(field, "at most 128 characters");
      }
    }
    User user = users.create(request, caller.origin());
    return responses.ok(Jsonp.createValue(user.id()));
  }

  @GET
  public Response list() {
    caller().requireAdmin();
    Params p = query();
    String realm = users.requireRealm(p.optional("realm"));
    JsonArrayBuilder list = Jsonp.createArrayBuilder();
    for (User u : users.list(realm)) {
      if (p.optional("username").filter(n -> !n.equals(u.username())).isPresent()) {
        continue;
      }
      list.add(UserJson.of(u));
    }
    return responses.ok(list.build());
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    Caller caller = caller();
    caller.requireAdmin();
    String realm = users.requireRealm(query().optional("realm"));
    return responses.ok(users.delete(realm, path(name), caller.origin()) == 1);
  }
}
