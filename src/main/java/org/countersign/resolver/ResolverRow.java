package org.countersign.resolver;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.countersign.json.Jsonp;

/** The stored form of a resolver: its keys as a JSON object of strings, the password apart. */
@Entity
@Table(name = "cs_resolver")
@SequenceGenerator(name = "cs_resolver_seq", sequenceName = "cs_resolver_seq", allocationSize = 1)
@NamedQueries({
  @NamedQuery(name = ResolverRow.ALL, query = "SELECT r FROM ResolverRow r ORDER BY r.name"),
  @NamedQuery(
      name = ResolverRow.BY_NAME,
      query = "SELECT r FROM ResolverRow r WHERE r.name = :name")
})
class ResolverRow {

  static final String ALL = "ResolverRow.all";
  static final String BY_NAME = "ResolverRow.byName";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cs_resolver_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(name = "rtype", nullable = false, length = 32)
  private String type;

  @Column(nullable = false, length = 8000)
  private String config;

  @Column(name = "sealed_password", length = 1000)
  private String sealedPassword;

  protected ResolverRow() {}

  ResolverRow(String name, ResolverType type) {
    this.name = name;
    this.type = type.wireName();
    this.config = "{}";
  }

  long id() {
    return id;
  }

  String name() {
    return name;
  }

  ResolverType type() {
    return ResolverType.of(type).orElseThrow();
  }

  Optional<String> sealedPassword() {
    return Optional.ofNullable(sealedPassword);
  }

  Map<String, String> data() {
    Map<String, String> out = new LinkedHashMap<>();
    try (var reader = Jsonp.createReader(new StringReader(config))) {
      JsonObject o = reader.readObject();
      o.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
    }
    return out;
  }

  void assign(Map<String, String> data, Optional<String> sealedPassword) {
    JsonObjectBuilder b = Jsonp.createObjectBuilder();
    data.forEach(b::add);
    this.config = b.build().toString();
    this.sealedPassword = sealedPassword.orElse(null);
  }

  Resolver toResolver() {
    return new Resolver(id, name, type(), data(), sealedPassword != null);
  }
}
