package org.countersign.resolver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.config.Settings;

/**
 * The realms: privacyIDEA's administration ({@code POST /realm/<name>}, the default realm) and the
 * look-up of a realm by name for every request that names a user. The configured default realm
 * ({@code countersign.realm.default}) with the built-in store exists until a stored realm of that
 * name replaces it, and stays the default until another is made the default, so an installation
 * without realms behaves as before.
 */
@ApplicationScoped
public class Realms {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_.@-]{1,64}");
  private static final int MAX_RESOLVERS = 20;

  @Inject ResolverStore store;
  @Inject DirectoryPool pool;
  @Inject Settings settings;
  @Inject AuditLog audit;

  /** What {@link #set} did: the resolvers added and the names that are no resolver. */
  public record SetResult(long id, List<String> added, List<String> failed) {}

  /** Every realm, the configured one included; by name. */
  public List<Realm> list() {
    Map<String, Realm> stored = pool.realms();
    List<Realm> out = new ArrayList<>();
    String def = defaultName();
    if (!stored.containsKey(settings.defaultRealm())) {
      out.add(builtIn(def));
    }
    stored
        .values()
        .forEach(r -> out.add(new Realm(r.id(), r.name(), r.members(), r.name().equals(def))));
    out.sort(java.util.Comparator.comparing(Realm::name));
    return out;
  }

  /** The realm of this name (case does not matter), if there is one. */
  public Optional<Realm> find(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return list().stream().filter(r -> r.name().equals(n)).findFirst();
  }

  /** The name of the default realm. */
  public String defaultName() {
    return pool.realms().values().stream()
        .filter(Realm::isDefault)
        .map(Realm::name)
        .findFirst()
        .orElse(settings.defaultRealm());
  }

  /** The type of a resolver by name ({@code builtin} included), if it exists. */
  public Optional<ResolverType> typeOf(String resolver) {
    if (resolver.equals(Resolvers.BUILTIN)) {
      return Optional.of(ResolverType.BUILTIN);
    }
    return Optional.ofNullable(pool.resolvers().get(resolver)).map(Resolver::type);
  }

  /**
   * Creates a realm or replaces its resolvers. The name is lower-cased and spaces become {@code -},
   * as privacyIDEA does; names that are no resolver are reported, not stored.
   */
  @Transactional
  public SetResult set(
      String rawName, List<String> resolvers, Map<String, Integer> priorities, Origin origin) {
    String name = normalise(rawName);
    if (resolvers.isEmpty() || resolvers.size() > MAX_RESOLVERS) {
      throw new InvalidResolver(
          "Invalid parameter 'resolvers': one to " + MAX_RESOLVERS + " resolver names");
    }
    List<RealmMember> members = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String r : resolvers) {
      boolean known = r.equals(Resolvers.BUILTIN) || store.resolver(r).isPresent();
      if (!known) {
        failed.add(r);
      } else if (!added.contains(r)) {
        added.add(r);
        members.add(new RealmMember(r, Optional.ofNullable(priorities.get(r))));
      }
    }
    if (added.isEmpty()) {
      throw new InvalidResolver("The resolvers " + String.join(", ", failed) + " do not exist.");
    }
    RealmRow row =
        store
            .realm(name)
            .orElseGet(
                () -> {
                  RealmRow created = new RealmRow(name);
                  store.persist(created);
                  return created;
                });
    row.assign(members);
    store.changed();
    pool.changedInThisTransaction();
    audit.write(audit.entry("realm_set", origin).outcome(true, "OK", "realm " + name));
    return new SetResult(row.id(), List.copyOf(added), List.copyOf(failed));
  }

  @Transactional
  public long delete(String rawName, Origin origin) {
    String name = rawName.toLowerCase(Locale.ROOT);
    RealmRow row = store.realm(name).orElseThrow(() -> unknownOrBuiltIn(name));
    store.remove(row);
    store.changed();
    pool.changedInThisTransaction();
    audit.write(audit.entry("realm_delete", origin).outcome(true, "OK", "realm " + name));
    return row.id();
  }

  /** Makes this realm the default; its id (0 for the configured realm with the built-in store). */
  @Transactional
  public long makeDefault(String rawName, Origin origin) {
    String name = rawName.toLowerCase(Locale.ROOT);
    Optional<RealmRow> target = store.realm(name);
    if (target.isEmpty() && !name.equals(settings.defaultRealm())) {
      throw new UnknownRealm("realm", name);
    }
    for (RealmRow r : store.realms()) {
      r.makeDefault(r.name().equals(name));
    }
    store.changed();
    pool.changedInThisTransaction();
    audit.write(audit.entry("realm_default", origin).outcome(true, "OK", "realm " + name));
    return target.map(RealmRow::id).orElse(0L);
  }

  private ResolverException unknownOrBuiltIn(String name) {
    if (name.equals(settings.defaultRealm())) {
      return new InvalidResolver("The realm " + name + " is the configured built-in realm.");
    }
    return new UnknownRealm("realm", name);
  }

  private Realm builtIn(String defaultName) {
    return new Realm(
        0,
        settings.defaultRealm(),
        List.of(new RealmMember(Resolvers.BUILTIN, Optional.empty())),
        settings.defaultRealm().equals(defaultName));
  }

  private static String normalise(String raw) {
    String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
    if (!NAME.matcher(name).matches()) {
      throw new InvalidResolver(
          "Invalid parameter 'realm': 1 to 64 letters, digits or . _ @ - only");
    }
    return name;
  }
}
