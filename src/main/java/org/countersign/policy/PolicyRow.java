package org.countersign.policy;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countersign.json.Jsonp;

/**
 * The stored form of a {@link Policy}; lists are comma-joined and the actions a JSON object of
 * strings.
 */
@Entity
@Table(name = "cs_policy")
@SequenceGenerator(name = "cs_policy_seq", sequenceName = "cs_policy_seq", allocationSize = 1)
@NamedQueries({
  @NamedQuery(
      name = PolicyRow.ALL,
      query = "SELECT p FROM PolicyRow p ORDER BY p.priority, p.name"),
  @NamedQuery(name = PolicyRow.BY_NAME, query = "SELECT p FROM PolicyRow p WHERE p.name = :name")
})
class PolicyRow {

  static final String ALL = "PolicyRow.all";
  static final String BY_NAME = "PolicyRow.byName";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cs_policy_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false, length = 20)
  private String scope;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false, length = 4000)
  private String actions;

  @Column(nullable = false, length = 1000)
  private String realms;

  @Column(nullable = false, length = 1000)
  private String resolvers;

  @Column(nullable = false, length = 2000)
  private String users;

  @Column(nullable = false, length = 2000)
  private String clients;

  @Column(nullable = false)
  private int priority;

  @Column(length = 1000)
  private String description;

  protected PolicyRow() {}

  PolicyRow(String name) {
    this.name = name;
  }

  void assign(Policy p) {
    scope = p.scope().wireName();
    active = p.active();
    JsonObjectBuilder a = Jsonp.createObjectBuilder();
    p.actions().forEach(a::add);
    actions = a.build().toString();
    realms = String.join(",", p.realms());
    resolvers = String.join(",", p.resolvers());
    users = String.join(",", p.users());
    clients = String.join(",", p.clients());
    priority = p.priority();
    description = p.description().orElse(null);
  }

  void activate(boolean value) {
    active = value;
  }

  long id() {
    return id;
  }

  Policy toPolicy() {
    Map<String, String> a = new LinkedHashMap<>();
    try (var reader = Jsonp.createReader(new StringReader(actions))) {
      JsonObject o = reader.readObject();
      o.forEach((k, v) -> a.put(k, ((JsonString) v).getString()));
    }
    return new Policy(
        id,
        name,
        Scope.fromWireName(scope).orElseThrow(),
        active,
        a,
        split(realms),
        split(resolvers),
        split(users),
        split(clients),
        priority,
        Optional.ofNullable(description));
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
