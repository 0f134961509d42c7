package org.countersign.policy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the policies of one scope that match a request decide, combined as privacyIDEA combines
 * them: a flag is on when any of them sets it, a list is the union of their values, and a single
 * value comes from the policies of the best (lowest) priority that set the action, which must
 * agree.
 */
public final class Decision {

  private final List<Policy> matched;

  Decision(List<Policy> matchedByPriority) {
    this.matched = List.copyOf(matchedByPriority);
  }

  /**
   * Whether any policy of the scope matched at all (a scope no policy speaks for keeps the
   * defaults).
   */
  public boolean any() {
    return !matched.isEmpty();
  }

  public boolean flag(String action) {
    return matched.stream().anyMatch(p -> p.actions().containsKey(action));
  }

  /**
   * The name of the best-priority matching policy that sets this action, for a reply or the audit
   * trail.
   */
  public Optional<String> setBy(String action) {
    return matched.stream()
        .filter(p -> p.actions().containsKey(action))
        .map(Policy::name)
        .findFirst();
  }

  /** The union of the space-separated items of every matching policy, in lower case. */
  public Set<String> list(String action) {
    Set<String> items = new LinkedHashSet<>();
    for (Policy p : matched) {
      String value = p.actions().get(action);
      if (value != null) {
        Arrays.stream(value.strip().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .forEach(items::add);
      }
    }
    return items;
  }

  /**
   * The value of the best priority; {@link PolicyConflict} when policies of that priority disagree.
   */
  public Optional<String> single(String action) {
    Optional<Policy> best =
        matched.stream().filter(p -> p.actions().containsKey(action)).findFirst();
    if (best.isEmpty()) {
      return Optional.empty();
    }
    int priority = best.get().priority();
    List<Policy> tied =
        matched.stream()
            .filter(p -> p.priority() == priority && p.actions().containsKey(action))
            .toList();
    Set<String> values = new LinkedHashSet<>();
    tied.forEach(p -> values.add(p.actions().get(action).strip()));
    if (values.size() > 1) {
      throw new PolicyConflict(action, tied.stream().map(Policy::name).toList());
    }
    return Optional.of(values.iterator().next());
  }

  public Optional<Integer> whole(String action) {
    return single(action).map(v -> Integer.parseInt(v.strip()));
  }

  /** The names of the matching policies, best priority first, for the audit trail. */
  public List<String> names() {
    return matched.stream().map(Policy::name).toList();
  }
}
