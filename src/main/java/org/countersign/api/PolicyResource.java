package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.countersign.auth.Caller;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.json.Jsonp;
import org.countersign.policy.ActionText;
import org.countersign.policy.Policies;
import org.countersign.policy.Policy;
import org.countersign.policy.PolicyDraft;
import org.countersign.policy.UnknownPolicy;

/**
 * {@code /policy/}: privacyIDEA's policy API, for administrators. {@code action} is privacyIDEA's
 * action string ({@code "otppin=userstore, passOnNoToken"}) or, in a JSON body, an object; realm,
 * resolver, user and client are comma-separated strings or JSON arrays.
 */
@Path("policy")
@ApplicationScoped
public class PolicyResource extends ApiResource {

  private static final List<String> LISTS = List.of("realm", "resolver", "user", "client");

  /**
   * privacyIDEA's conditions this server does not evaluate. A policy that sets one is refused
   * rather than stored and applied more widely than its author meant.
   */
  private static final List<String> UNSUPPORTED =
      List.of(
          "time",
          "conditions",
          "adminrealm",
          "adminuser",
          "pinode",
          "user_agents",
          "check_all_resolvers",
          "user_case_insensitive");

  @Inject Policies policies;

  @POST
  @Path("{name}")
  public Response set(@PathParam("name") String name, byte[] body) {
    Caller caller = caller();
    caller.requireAdmin();
    PolicyDraft draft =
        isJson() ? fromJson(path(name), body) : fromParams(path(name), params(body));
    long id = policies.set(draft, caller.origin());
    return responses.ok(Jsonp.createObjectBuilder().add("setPolicy " + draft.name(), id).build());
  }

  @GET
  public Response list() {
    caller().requireAdmin();
    Params p = query();
    Optional<String> scope = p.optional("scope").filter(s -> !s.isEmpty());
    Optional<String> realm = p.optional("realm").filter(s -> !s.isEmpty());
    Optional<Boolean> active = p.has("active") ? Optional.of(p.flag("active")) : Optional.empty();
    return responses.ok(
        array(
            policies.list().stream()
                .filter(
                    pol -> scope.map(s -> s.equalsIgnoreCase(pol.scope().wireName())).orElse(true))
                .filter(pol -> realm.map(r -> pol.realms().contains(r)).orElse(true))
                .filter(pol -> active.map(a -> a == pol.active()).orElse(true))
                .toList()));
  }

  @GET
  @Path("{name}")
  public Response one(@PathParam("name") String name) {
    caller().requireAdmin();
    String n = path(name);
    List<Policy> found = policies.list().stream().filter(p -> p.name().equals(n)).toList();
    if (found.isEmpty()) {
      throw new UnknownPolicy(n);
    }
    return responses.ok(array(found));
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    Caller caller = caller();
    caller.requireAdmin();
    return responses.ok(Jsonp.createValue(policies.delete(path(name), caller.origin())));
  }

  @POST
  @Path("enable/{name}")
  public Response enable(@PathParam("name") String name) {
    Caller caller = caller();
    caller.requireAdmin();
    return responses.ok(Jsonp.createValue(policies.activate(path(name), true, caller.origin())));
  }

  @POST
  @Path("disable/{name}")
  public Response disable(@PathParam("name") String name) {
    Caller caller = caller();
    caller.requireAdmin();
    return responses.ok(Jsonp.createValue(policies.activate(path(name), false, caller.origin())));
  }

  private boolean isJson() {
    MediaType type = headers.getMediaType();
    return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
  }

  private static PolicyDraft fromParams(String name, Params p) {
    for (String field : UNSUPPORTED) {
      p.optional(field)
          .filter(v -> !v.isBlank() && !isOff(v))
          .ifPresent(
              v -> {
                throw unsupported(field);
              });
    }
    Map<String, Optional<List<String>>> lists = new LinkedHashMap<>();
    for (String field : LISTS) {
      lists.put(field, p.optional(field).map(PolicyResource::commaList));
    }
    Map<String, String> actions = p.optional("action").map(ActionText::parse).orElse(Map.of());
    return draft(
        name,
        p.required("scope"),
        actions,
        lists,
        priority(p.optional("priority")),
        !p.has("active") || p.flag("active"),
        p.optional("description"));
  }

  private static PolicyDraft fromJson(String name, byte[] body) {
    JsonObject o;
    try (var reader =
        Jsonp.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      o = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new DomainException(Reason.PARAMETER, "Malformed JSON body");
    }
    for (String field : UNSUPPORTED) {
      JsonValue v = o.get(field);
      boolean empty =
          v == null
              || v == JsonValue.NULL
              || v == JsonValue.FALSE
              || (v instanceof JsonArray arr && arr.isEmpty())
              || (v instanceof JsonString str
                  && (str.getString().isBlank() || isOff(str.getString())));
      if (!empty) {
        throw unsupported(field);
      }
    }
    Map<String, String> actions = new LinkedHashMap<>();
    JsonValue action = o.get("action");
    if (action instanceof JsonObject a) {
      a.forEach((k, v) -> actions.put(k, scalar("action", v).orElse("false")));
    } else if (action != null && action != JsonValue.NULL) {
      scalar("action", action).map(ActionText::parse).ifPresent(actions::putAll);
    }
    Map<String, Optional<List<String>>> lists = new LinkedHashMap<>();
    for (String field : LISTS) {
      JsonValue v = o.get(field);
      lists.put(
          field,
          v instanceof JsonArray arr
              ? Optional.of(arr.stream().map(item -> scalar(field, item).orElse("")).toList())
              : scalar(field, v).map(PolicyResource::commaList));
    }
    String scope =
        scalar("scope", o.get("scope"))
            .filter(s -> !s.isEmpty())
            .orElseThrow(() -> DomainException.missing("scope"));
    Optional<String> active = scalar("active", o.get("active"));
    return draft(
        name,
        scope,
        actions,
        lists,
        priority(scalar("priority", o.get("priority"))),
        active
            .map(
                a -> !Arrays.asList("false", "0", "no", "off").contains(a.toLowerCase(Locale.ROOT)))
            .orElse(true),
        scalar("description", o.get("description")));
  }

  private static PolicyDraft draft(
      String name,
      String scope,
      Map<String, String> actions,
      Map<String, Optional<List<String>>> lists,
      Optional<Integer> priority,
      boolean active,
      Optional<String> description) {
    return new PolicyDraft(
        name,
        scope,
        actions,
        lists.get("realm"),
        lists.get("resolver"),
        lists.get("user"),
        lists.get("client"),
        priority,
        active,
        description);
  }

  private static boolean isOff(String value) {
    return Arrays.asList("false", "0").contains(value.strip().toLowerCase(Locale.ROOT));
  }

  private static DomainException unsupported(String field) {
    return DomainException.invalid(
        field, "is not supported by this server; the policy was not stored");
  }

  private static Optional<String> scalar(String field, JsonValue v) {
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    return switch (v.getValueType()) {
      case STRING -> Optional.of(((JsonString) v).getString());
      case NUMBER -> Optional.of(v.toString());
      case TRUE -> Optional.of("true");
      case FALSE -> Optional.of("false");
      default -> throw DomainException.invalid(field, "must be a string, number or boolean");
    };
  }

  private static Optional<Integer> priority(Optional<String> raw) {
    return raw.filter(s -> !s.isBlank())
        .map(
            s -> {
              try {
                return Integer.parseInt(s.strip());
              } catch (NumberFormatException e) {
                throw DomainException.invalid("priority", "must be a whole number");
              }
            });
  }

  private static List<String> commaList(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static JsonArray array(List<Policy> list) {
    JsonArrayBuilder out = Jsonp.createArrayBuilder();
    list.forEach(p -> out.add(PolicyJson.of(p)));
    return out.build();
  }
}
