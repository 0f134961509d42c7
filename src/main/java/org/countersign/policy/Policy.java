package org.countersign.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy as stored: its actions (a flag's value is {@code "true"}) and the conditions under which
 * it matches. Empty realm, resolver, user and client lists match everything.
 */
public record Policy(
    long id,
    String name,
    Scope scope,
    boolean active,
    Map<String, String> actions,
    List<String> realms,
    List<String> resolvers,
    List<String> users,
    List<String> clients,
    int priority,
    Optional<String> description) {

  public Policy {
    actions = Map.copyOf(actions);
    realms = List.copyOf(realms);
    resolvers = List.copyOf(resolvers);
    users = List.copyOf(users);
    clients = List.copyOf(clients);
  }
}
