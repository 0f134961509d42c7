package org.countersign.resolver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.crypto.KeyRing;
import org.countersign.directory.DirectoryException;
import org.countersign.directory.LdapConfig;
import org.countersign.directory.LdapDirectory;

/**
 * The administration of resolvers: create or update (keys merged as privacyIDEA merges them), list
 * without passwords, delete unless a realm lists it, and a test of a configuration against its
 * directory. The built-in user store is the fixed resolver {@link #BUILTIN}.
 */
@ApplicationScoped
public class Resolvers {

  /** The name of the built-in user store's resolver. */
  public static final String BUILTIN = "builtin";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final int MAX_KEYS = 40;

  @Inject ResolverStore store;
  @Inject DirectoryPool pool;
  @Inject KeyRing keys;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The outcome of {@link #test}: whether the directory answered, and privacyIDEA's text. */
  public record TestResult(boolean ok, String description) {}

  @Transactional
  public List<Resolver> list() {
    List<Resolver> out = new ArrayList<>();
    out.add(new Resolver(0, BUILTIN, ResolverType.BUILTIN, Map.of(), false));
    store.resolvers().forEach(r -> out.add(r.toResolver()));
    return out;
  }

  /**
   * Creates or updates a resolver; returns its id. Omitted keys keep their value, an empty value
   * removes the key, a BINDPW of {@code __CENSORED__} keeps the stored password.
   */
  @Transactional
  public long set(String name, String type, Map<String, String> keys, Origin origin) {
    checkName(name);
    ResolverType t =
        ResolverType.of(type)
            .filter(x -> x == ResolverType.LDAP)
            .orElseThrow(
                () ->
                    new InvalidResolver(
                        "Invalid parameter 'type': must be ldapresolver (the built-in user store"
                            + " is the resolver '"
                            + BUILTIN
                            + "')"));
    Optional<ResolverRow> existing = store.resolver(name);
    if (existing.isPresent() && existing.get().type() != t) {
      throw new InvalidResolver("A resolver named " + name + " of another type exists.");
    }
    Map<String, String> data =
        new LinkedHashMap<>(existing.map(ResolverRow::data).orElse(Map.of()));
    Optional<String> password = existing.flatMap(r -> opened(r));
    for (Map.Entry<String, String> e : keys.entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue();
      if (Resolver.PASSWORD_KEYS.contains(e.getKey())) {
        if (!value.equals(Resolver.CENSORED)) {
          password = value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
      } else if (value.isEmpty()) {
        data.remove(e.getKey());
      } else {
        data.put(e.getKey(), value);
      }
    }
    if (data.size() > MAX_KEYS) {
      throw new InvalidResolver("A resolver has at most " + MAX_KEYS + " keys.");
    }
    config(data);
    ResolverRow row =
        existing.orElseGet(
            () -> {
              ResolverRow created = new ResolverRow(name, t);
              store.persist(created);
              return created;
            });
    row.assign(data, password.map(p -> seal(name, p)));
    store.changed();
    pool.changedInThisTransaction();
    audit.write(audit.entry("resolver_set", origin).outcome(true, "OK", "resolver " + name));
    return row.id();
  }

  /** Deletes a resolver; its id, or -1 when there is none of that name (privacyIDEA's answer). */
  @Transactional
  public long delete(String name, Origin origin) {
    Optional<ResolverRow> row = store.resolver(name);
    if (row.isEmpty()) {
      return -1;
    }
    for (RealmRow realm : store.realms()) {
      if (realm.members().stream().anyMatch(m -> m.resolver().equals(name))) {
        throw new ResolverInUse(name, realm.name());
      }
    }
    store.remove(row.get());
    store.changed();
    pool.changedInThisTransaction();
    audit.write(audit.entry("resolver_delete", origin).outcome(true, "OK", "resolver " + name));
    return row.get().id();
  }

  /**
   * Connects with the given keys (a BINDPW of {@code __CENSORED__} takes the stored password of the
   * named resolver) and counts the users the search filter finds.
   */
  @Transactional
  public TestResult test(String type, Map<String, String> keys, Optional<String> stored) {
    if (ResolverType.of(type).filter(t -> t == ResolverType.LDAP).isEmpty()) {
      throw new InvalidResolver("Invalid parameter 'type': must be ldapresolver");
    }
    Map<String, String> data = new LinkedHashMap<>(keys);
    String password = data.getOrDefault("BINDPW", "");
    if (password.equals(Resolver.CENSORED)) {
      password = stored.flatMap(store::resolver).flatMap(this::opened).orElse("");
    }
    LdapConfig config = config(data);
    long started = System.nanoTime();
    try (LdapDirectory d = new LdapDirectory("test", config, password, clock)) {
      int found = d.probe();
      double seconds = (System.nanoTime() - started) / 1e9;
      return new TestResult(
          true,
          String.format(
              java.util.Locale.ROOT,
              "Your LDAP config seems to be OK, %d user objects found in %.4fs.",
              found,
              seconds));
    } catch (DirectoryException e) {
      return new TestResult(false, e.getMessage());
    }
  }

  /** The opened bind password of a stored resolver. */
  Optional<String> opened(ResolverRow row) {
    return row.sealedPassword()
        .map(s -> new String(keys.secrets().open(s, context(row.name())), StandardCharsets.UTF_8));
  }

  static LdapConfig config(Map<String, String> data) {
    try {
      return LdapConfig.parse(data);
    } catch (IllegalArgumentException e) {
      throw new InvalidResolver(e.getMessage());
    }
  }

  private String seal(String name, String password) {
    return keys.secrets().seal(password.getBytes(StandardCharsets.UTF_8), context(name));
  }

  private static String context(String name) {
    return "resolver:" + name;
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidResolver("Invalid parameter 'name': 1 to 64 letters, digits or . _ - only");
    }
    if (name.equalsIgnoreCase(BUILTIN)) {
      throw new InvalidResolver("The resolver " + BUILTIN + " is the built-in user store.");
    }
  }
}
