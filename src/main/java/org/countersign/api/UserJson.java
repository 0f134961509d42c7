package org.countersign.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import org.countersign.json.Jsonp;
import org.countersign.user.User;

/**
 * A user as privacyIDEA's {@code GET /user/} lists them. A directory user carries every field the
 * resolver's {@code USERINFO} maps: a field the entry lacks is absent, {@code mobile} is a list (as
 * privacyIDEA's default {@code MULTIVALUEATTRIBUTES}) and every other field its first value.
 */
final class UserJson {

  /** Fields that are multi-valued in privacyIDEA's replies. */
  private static final Set<String> LISTS = Set.of("mobile");

  /** Keys of the reply that a mapped field may not replace. */
  private static final Set<String> OWN =
      Set.of("userid", "resolver", "editable", "username", "realm");

  private UserJson() {}

  static JsonObject of(User u) {
    JsonObjectBuilder o =
        Jsonp.createObjectBuilder()
            .add("userid", u.userId())
            .add("resolver", u.resolver())
            .add("editable", !u.inDirectory())
            .add("username", u.username());
    if (u.inDirectory()) {
      u.directoryFields().forEach((field, values) -> mapped(o, field, values));
    } else {
      o.add("givenname", u.givenName()).add("surname", u.surname()).add("email", u.email());
    }
    return o.add("realm", u.realm()).build();
  }

  private static void mapped(JsonObjectBuilder o, String field, List<String> values) {
    if (OWN.contains(field) || values.isEmpty()) {
      return;
    }
    if (LISTS.contains(field)) {
      JsonArrayBuilder list = Jsonp.createArrayBuilder();
      values.forEach(list::add);
      o.add(field, list);
    } else {
      o.add(field, values.get(0));
    }
  }
}
