package org.countersign.resolver;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The stored form of a realm: its resolvers as comma-separated {@code name:priority} entries. */
@Entity
@Table(name = "cs_realm")
@SequenceGenerator(name = "cs_realm_seq", sequenceName = "cs_realm_seq", allocationSize = 1)
@NamedQueries({
  @NamedQuery(name = RealmRow.ALL, query = "SELECT r FROM RealmRow r ORDER BY r.name"),
  @NamedQuery(name = RealmRow.BY_NAME, query = "SELECT r FROM RealmRow r WHERE r.name = :name")
})
class RealmRow {

  static final String ALL = "RealmRow.all";
  static final String BY_NAME = "RealmRow.byName";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cs_realm_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false, length = 2000)
  private String resolvers;

  @Column(name = "is_default", nullable = false)
  private boolean isDefault;

  protected RealmRow() {}

  RealmRow(String name) {
    this.name = name;
    this.resolvers = "";
  }

  long id() {
    return id;
  }

  String name() {
    return name;
  }

  boolean isDefault() {
    return isDefault;
  }

  void makeDefault(boolean value) {
    this.isDefault = value;
  }

  void assign(List<RealmMember> members) {
    this.resolvers =
        members.stream()
            .map(m -> m.resolver() + ":" + m.priority().map(String::valueOf).orElse(""))
            .collect(Collectors.joining(","));
  }

  List<RealmMember> members() {
    return Arrays.stream(resolvers.split(","))
        .filter(s -> !s.isEmpty())
        .map(
            s -> {
              int colon = s.lastIndexOf(':');
              String p = s.substring(colon + 1);
              return new RealmMember(
                  s.substring(0, colon),
                  p.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(p)));
            })
        .toList();
  }

  Realm toRealm() {
    return new Realm(id, name, members(), isDefault);
  }
}
