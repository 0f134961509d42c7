package org.countersign.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;

/**
 * The policies: what those of a scope decide for a request (from the cache, never waiting on the
 * database), and their administration, validated whole before anything is stored and audited with
 * the change.
 *
 * <pre>{@code
 * Set<String> types = policies.decide(Scope.AUTHENTICATION, request).list(CoreActions.CHALLENGE_RESPONSE);
 * }</pre>
 */
@ApplicationScoped
public class Policies {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_.@+-]+");
  private static final int MAX_ENTRIES = 50;

  @Inject PolicyCache cache;
  @Inject PolicyStore store;
  @Inject PolicyActions actions;
  @Inject KnownNames names;
  @Inject AuditLog audit;

  /** What the active policies of this scope that match the request decide. */
  public Decision decide(Scope scope, PolicyRequest request) {
    List<CompiledPolicy> active = cache.active();
    if (active.isEmpty()) {
      return new Decision(List.of());
    }
    Optional<byte[]> client = CompiledPolicy.clientAddress(request);
    List<Policy> matched = new ArrayList<>();
    for (CompiledPolicy p : active) {
      if (p.policy().scope() == scope && p.matches(request, client)) {
        matched.add(p.policy());
      }
    }
    return new Decision(matched);
  }

  /**
   * Whether any active policy, of any scope, sets this action. A hot path that reads one action
   * asks this first and keeps its default without matching when no policy speaks of it.
   */
  public boolean anySets(String action) {
    return cache.anySets(action);
  }

  @Transactional
  public List<Policy> list() {
    return store.all();
  }

  /** Creates or updates a policy; returns its id. */
  @Transactional
  public long set(PolicyDraft draft, Origin origin) {
    Policy policy = validated(draft, store.find(draft.name()));
    long id = store.save(policy);
    cache.changedInThisTransaction();
    audit.write(audit.entry("policy_set", origin).outcome(true, "OK", "policy " + policy.name()));
    return id;
  }

  @Transactional
  public long delete(String name, Origin origin) {
    long id = store.delete(name).orElseThrow(() -> new UnknownPolicy(name));
    cache.changedInThisTransaction();
    audit.write(audit.entry("policy_delete", origin).outcome(true, "OK", "policy " + name));
    return id;
  }

  @Transactional
  public long activate(String name, boolean active, Origin origin) {
    long id = store.activate(name, active).orElseThrow(() -> new UnknownPolicy(name));
    cache.changedInThisTransaction();
    audit.write(
        audit
            .entry(active ? "policy_enable" : "policy_disable", origin)
            .outcome(true, "OK", "policy " + name));
    return id;
  }

  private Policy validated(PolicyDraft d, Optional<Policy> stored) {
    if (!NAME.matcher(d.name()).matches()
        || d.name().equals("check")
        || d.name().startsWith("pi-update-policy-")) {
      throw new InvalidPolicy(
          "Invalid policy name: only letters, digits, '_', '.' and '-' (at most 64), "
              + "and not 'check'.");
    }
    Scope scope =
        Scope.fromWireName(d.scope().strip().toLowerCase(Locale.ROOT))
            .orElseThrow(() -> new InvalidPolicy("Invalid scope: " + d.scope()));
    Map<String, String> checked = new LinkedHashMap<>();
    d.actions()
        .forEach((name, value) -> action(scope, name, value).ifPresent(v -> checked.put(name, v)));
    if (checked.isEmpty() && scope != Scope.USER) {
      throw new InvalidPolicy("Missing parameter: 'action'");
    }
    List<String> realms = entries("realm", d.realms(), stored.map(Policy::realms));
    realms.forEach(this::knownRealm);
    List<String> resolvers = entries("resolver", d.resolvers(), stored.map(Policy::resolvers));
    resolvers.stream()
        .filter(r -> !r.equals("*") && !names.resolverExists(r))
        .findFirst()
        .ifPresent(
            r -> {
              throw new InvalidPolicy("Unknown resolver: " + r);
            });
    List<String> userEntries = entries("user", d.users(), stored.map(Policy::users));
    List<String> clients = entries("client", d.clients(), stored.map(Policy::clients));
    clients.forEach(AddressRange::parse);
    int priority = d.priority().or(() -> stored.map(Policy::priority)).orElse(1);
    if (priority < 1 || priority > 1_000_000) {
      throw new InvalidPolicy("Invalid priority: a whole number of at least 1.");
    }
    if (d.description().map(String::length).orElse(0) > 1000) {
      throw new InvalidPolicy("Invalid description: at most 1000 characters.");
    }
    return new Policy(
        stored.map(Policy::id).orElse(0L),
        d.name(),
        scope,
        d.active(),
        checked,
        realms,
        resolvers,
        userEntries,
        clients,
        priority,
        d.description());
  }

  /** The validated value of an action, or empty for a flag set to false. */
  private Optional<String> action(Scope scope, String name, String value) {
    ActionSpec spec =
        actions
            .find(scope, name)
            .orElseThrow(
                () ->
                    new InvalidPolicy(
                        "Unknown action "
                            + name
                            + " in scope "
                            + scope.wireName()
                            + "; known: "
                            + String.join(", ", actions.names(scope))));
    String v = value.strip();
    switch (spec.kind()) {
      case FLAG -> {
        String flag = v.toLowerCase(Locale.ROOT);
        if (flag.equals("true") || flag.equals("1")) {
          return Optional.of("true");
        }
        if (flag.equals("false") || flag.equals("0")) {
          return Optional.empty();
        }
        throw new InvalidPolicy("Invalid value of " + name + ": " + spec.expected());
      }
      case LIST -> {
        String[] items = v.split("[\\s,]+");
        for (String item : items) {
          if (!item.isEmpty() && !spec.accepts().test(item)) {
            throw new InvalidPolicy("Invalid value of " + name + ": " + spec.expected());
          }
        }
        return Optional.of(String.join(" ", items).strip().toLowerCase(Locale.ROOT));
      }
      default -> {
        if (!spec.accepts().test(v)) {
          throw new InvalidPolicy("Invalid value of " + name + ": " + spec.expected());
        }
        return Optional.of(v);
      }
    }
  }

  private List<String> entries(
      String what, Optional<List<String>> given, Optional<List<String>> kept) {
    List<String> list =
        given.or(() -> kept).orElse(List.of()).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    if (list.size() > MAX_ENTRIES) {
      throw new InvalidPolicy("Invalid " + what + ": at most " + MAX_ENTRIES + " entries.");
    }
    for (String entry : list) {
      if (entry.contains(",") || entry.length() > 200 || !NameEntry.valid(entry)) {
        throw new InvalidPolicy("Invalid " + what + ": " + entry);
      }
    }
    return list;
  }

  private void knownRealm(String entry) {
    String body = entry.startsWith("!") || entry.startsWith("-") ? entry.substring(1) : entry;
    if (LITERAL.matcher(body).matches() && !names.realmExists(body)) {
      throw new InvalidPolicy("Unknown realm: " + body);
    }
  }
}
