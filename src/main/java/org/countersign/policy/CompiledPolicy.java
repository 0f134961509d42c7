package org.countersign.policy;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A policy ready to be matched, by privacyIDEA's rules: every list that is not empty must match.
 * Realm and user entries are equal to the value, {@code *}, or a regular expression of the whole
 * value, and the excluding ones ({@code !}, {@code -}) win; a resolver entry is equal or {@code *};
 * the client lies in a listed network and in none of the excluded ones. A request without a user
 * matches only policies whose realm and user lists are empty or {@code *}.
 */
record CompiledPolicy(
    Policy policy, List<NameEntry> realms, List<NameEntry> users, List<AddressRange> clients) {

  static CompiledPolicy of(Policy p) {
    return new CompiledPolicy(
        p,
        p.realms().stream().map(e -> NameEntry.of(e, true)).toList(),
        p.users().stream().map(e -> NameEntry.of(e, false)).toList(),
        p.clients().stream().map(AddressRange::parse).toList());
  }

  boolean matches(PolicyRequest r) {
    return matches(r, clientAddress(r));
  }

  /** As {@link #matches(PolicyRequest)}, with the client's address parsed once for all policies. */
  boolean matches(PolicyRequest r, Optional<byte[]> client) {
    return names(realms, r.realm())
        && names(users, r.user())
        && resolvers(r.resolver())
        && clients(client);
  }

  /**
   * The request's client as address bytes (without IPv6 brackets or zone); empty when it is no
   * literal address.
   */
  static Optional<byte[]> clientAddress(PolicyRequest r) {
    return AddressRange.literal(bare(r.client()));
  }

  private static boolean names(List<NameEntry> entries, Optional<String> value) {
    if (entries.isEmpty()
        || entries.stream().anyMatch(e -> !e.negated() && "*".equals(e.literal()))) {
      return true;
    }
    return value.isPresent() && listed(entries, NameEntry::negated, e -> e.hits(value.get()));
  }

  private boolean resolvers(Optional<String> resolver) {
    List<String> entries = policy.resolvers();
    if (entries.isEmpty() || entries.contains("*")) {
      return true;
    }
    return resolver.map(r -> entries.stream().anyMatch(e -> e.equalsIgnoreCase(r))).orElse(false);
  }

  private boolean clients(Optional<byte[]> address) {
    if (clients.isEmpty()) {
      return true;
    }
    return address.isPresent()
        && listed(clients, AddressRange::excluded, r -> r.contains(address.get()));
  }

  /** Hit by an including entry (or there is none) and by no excluding one. */
  private static <E> boolean listed(List<E> entries, Predicate<E> excludes, Predicate<E> hits) {
    boolean positive = false;
    boolean included = false;
    for (E entry : entries) {
      boolean hit = hits.test(entry);
      if (excludes.test(entry)) {
        if (hit) {
          return false;
        }
      } else {
        positive = true;
        included |= hit;
      }
    }
    return included || !positive;
  }

  /** The address without IPv6 brackets or zone. */
  private static String bare(String client) {
    String s = client == null ? "" : client;
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    return zone < 0 ? s : s.substring(0, zone);
  }
}
