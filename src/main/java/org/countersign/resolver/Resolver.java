package org.countersign.resolver;

import java.util.Map;
import java.util.Set;

/**
 * A configured resolver as administrators see it: its keys without the password ({@link
 * #PASSWORD_KEYS} never appear in {@link #data}; whether one is stored is {@link #hasPassword}).
 */
public record Resolver(
    long id, String name, ResolverType type, Map<String, String> data, boolean hasPassword) {

  /** Keys that hold a secret: stored sealed, never returned. */
  public static final Set<String> PASSWORD_KEYS = Set.of("BINDPW");

  /** privacyIDEA's stand-in for a stored password, in replies and in updates that keep it. */
  public static final String CENSORED = "__CENSORED__";

  public Resolver {
    data = Map.copyOf(data);
  }
}
