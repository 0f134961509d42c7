package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countersign.auth.Caller;
import org.countersign.error.DomainException;
import org.countersign.json.Jsonp;
import org.countersign.resolver.Realm;
import org.countersign.resolver.RealmMember;
import org.countersign.resolver.Realms;

/**
 * {@code /realm/}: privacyIDEA's realm API, for administrators. {@code resolvers} is a
 * comma-separated list; {@code priority.<resolver>} a whole number (lower is asked first).
 */
@Path("realm")
@ApplicationScoped
public class RealmResource extends ApiResource {

  private static final String PRIORITY = "priority.";

  @POST
  @Path("{name}")
  public Response set(@PathParam("name") String name, byte[] body) {
    Caller caller = caller();
    caller.requireAdmin();
    Params p = params(body);
    List<String> resolvers =
        Arrays.stream(p.required("resolvers").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    Map<String, Integer> priorities = new LinkedHashMap<>();
    p.asMap()
        .forEach(
            (k, v) -> {
              if (k.startsWith(PRIORITY) && !v.isBlank()) {
                priorities.put(k.substring(PRIORITY.length()), priority(k, v));
              }
            });
    Realms.SetResult r = realms.set(path(name), resolvers, priorities, caller.origin());
    JsonArrayBuilder added = Jsonp.createArrayBuilder();
    r.added().forEach(added::add);
    JsonArrayBuilder failed = Jsonp.createArrayBuilder();
    r.failed().forEach(failed::add);
    return responses.ok(
        Jsonp.createObjectBuilder().add("added", added).add("failed", failed).build());
  }

  @GET
  public Response list() {
    caller().requireAdmin();
    JsonObjectBuilder out = Jsonp.createObjectBuilder();
    for (Realm realm : realms.list()) {
      JsonArrayBuilder members = Jsonp.createArrayBuilder();
      for (RealmMember m : realm.members()) {
        JsonObjectBuilder member =
            Jsonp.createObjectBuilder()
                .add("name", m.resolver())
                .add("type", realms.typeOf(m.resolver()).map(t -> t.wireName()).orElse("unknown"))
                .add("node", "");
        if (m.priority().isPresent()) {
          member.add("priority", m.priority().get());
        } else {
          member.add("priority", JsonValue.NULL);
        }
        members.add(member);
      }
      out.add(
          realm.name(),
          Jsonp.createObjectBuilder()
              .add("default", realm.isDefault())
              .add("id", realm.id())
              .add("resolver", members));
    }
    return responses.ok(out.build());
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    Caller caller = caller();
    caller.requireAdmin();
    return responses.ok(Jsonp.createValue(realms.delete(path(name), caller.origin())));
  }

  private static int priority(String key, String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 0 || n > 1_000_000) {
        throw DomainException.invalid(key, "must be between 0 and 1000000");
      }
      return n;
    } catch (NumberFormatException e) {
      throw DomainException.invalid(key, "must be a whole number");
    }
  }
}
