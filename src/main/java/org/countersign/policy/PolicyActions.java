package org.countersign.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every action a policy may set, per scope, collected from the {@link ActionProvider} beans at
 * start-up.
 */
@ApplicationScoped
public class PolicyActions {

  @Inject @Any Instance<ActionProvider> providers;
  private Map<Scope, Map<String, ActionSpec>> byScope;

  @PostConstruct
  void collect() {
    Map<Scope, Map<String, ActionSpec>> map = new TreeMap<>();
    for (ActionProvider provider : providers) {
      for (ActionSpec spec : provider.actions()) {
        Map<String, ActionSpec> actions = map.computeIfAbsent(spec.scope(), s -> new TreeMap<>());
        if (actions.put(spec.name(), spec) != null) {
          throw new IllegalStateException(
              "Two policy actions are named '" + spec.name() + "' in " + spec.scope());
        }
      }
    }
    byScope = Collections.unmodifiableMap(map);
  }

  public Optional<ActionSpec> find(Scope scope, String name) {
    return Optional.ofNullable(byScope.getOrDefault(scope, Map.of()).get(name));
  }

  /** The action names of a scope, sorted, for error messages. */
  public java.util.Set<String> names(Scope scope) {
    return byScope.getOrDefault(scope, Map.of()).keySet();
  }
}
