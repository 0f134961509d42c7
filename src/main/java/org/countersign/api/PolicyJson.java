package org.countersign.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import org.countersign.json.Jsonp;
import org.countersign.policy.Policy;

/**
 * A policy as privacyIDEA's {@code GET /policy/} shows it; flags are {@code true}, other actions
 * strings.
 */
final class PolicyJson {

  private PolicyJson() {}

  static JsonObject of(Policy p) {
    JsonObjectBuilder action = Jsonp.createObjectBuilder();
    p.actions()
        .forEach(
            (k, v) -> {
              if (v.equals("true")) {
                action.add(k, true);
              } else {
                action.add(k, v);
              }
            });
    return Jsonp.createObjectBuilder()
        .add("id", p.id())
        .add("name", p.name())
        .add("scope", p.scope().wireName())
        .add("active", p.active())
        .add("action", action)
        .add("realm", list(p.realms()))
        .add("resolver", list(p.resolvers()))
        .add("user", list(p.users()))
        .add("client", list(p.clients()))
        .add("adminrealm", list(List.of()))
        .add("adminuser", list(List.of()))
        .add("pinode", list(List.of()))
        .add("user_agents", list(List.of()))
        .add("time", "")
        .add("priority", p.priority())
        .add("check_all_resolvers", false)
        .add("user_case_insensitive", false)
        .add("conditions", list(List.of()))
        .add(
            "description",
            p.description().<JsonValue>map(Jsonp::createValue).orElse(JsonValue.NULL))
        .build();
  }

  private static JsonArrayBuilder list(List<String> values) {
    JsonArrayBuilder b = Jsonp.createArrayBuilder();
    values.forEach(b::add);
    return b;
  }
}
