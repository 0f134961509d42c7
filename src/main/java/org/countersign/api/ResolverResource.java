package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.countersign.auth.Caller;
import org.countersign.json.Jsonp;
import org.countersign.resolver.Resolver;
import org.countersign.resolver.Resolvers;

/**
 * {@code /resolver/}: privacyIDEA's resolver API, for administrators. The bind password is
 * accepted, sealed and never returned: {@code GET} shows {@code __CENSORED__} in its place.
 */
@Path("resolver")
@ApplicationScoped
public class ResolverResource extends ApiResource {

  /** Parameters of the request itself, not keys of the resolver. */
  private static final Set<String> NOT_KEYS = Set.of("type", "resolver", "name");

  @Inject Resolvers resolvers;

  @POST
  @Path("test")
  public Response test(byte[] body) {
    caller().requireAdmin();
    Params p = params(body);
    Resolvers.TestResult r =
        resolvers.test(
            p.required("type"), keys(p), p.optional("resolver").filter(s -> !s.isEmpty()));
    return responses.ok(
        r.ok() ? JsonValue.TRUE : JsonValue.FALSE,
        Jsonp.createObjectBuilder().add("description", r.description()).build());
  }

  @POST
  @Path("{name}")
  public Response set(@PathParam("name") String name, byte[] body) {
    Caller caller = caller();
    caller.requireAdmin();
    Params p = params(body);
    long id = resolvers.set(path(name), p.required("type"), keys(p), caller.origin());
    return responses.ok(Jsonp.createValue(id));
  }

  @GET
  public Response list() {
    caller().requireAdmin();
    return responses.ok(json(resolvers.list(), query().optional("type")));
  }

  @GET
  @Path("{name}")
  public Response one(@PathParam("name") String name) {
    caller().requireAdmin();
    String n = path(name);
    return responses.ok(
        json(resolvers.list().stream().filter(r -> r.name().equals(n)).toList(), Optional.empty()));
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    Caller caller = caller();
    caller.requireAdmin();
    return responses.ok(Jsonp.createValue(resolvers.delete(path(name), caller.origin())));
  }

  private static Map<String, String> keys(Params p) {
    Map<String, String> keys = new LinkedHashMap<>(p.asMap());
    NOT_KEYS.forEach(keys::remove);
    return keys;
  }

  private static jakarta.json.JsonObject json(List<Resolver> list, Optional<String> type) {
    JsonObjectBuilder out = Jsonp.createObjectBuilder();
    for (Resolver r : list) {
      if (type.filter(t -> !t.isEmpty() && !t.equals(r.type().wireName())).isPresent()) {
        continue;
      }
      JsonObjectBuilder data = Jsonp.createObjectBuilder();
      r.data().forEach(data::add);
      JsonArrayBuilder censored = Jsonp.createArrayBuilder();
      if (r.hasPassword()) {
        Resolver.PASSWORD_KEYS.forEach(
            k -> {
              data.add(k, Resolver.CENSORED);
              censored.add(k);
            });
      }
      out.add(
          r.name(),
          Jsonp.createObjectBuilder()
              .add("resolvername", r.name())
              .add("type", r.type().wireName())
              .add("censor_keys", censored)
              .add("data", data));
    }
    return out.build();
  }
}
