package org.countersign.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One action a policy of a scope may set, and how the values of several matching policies combine:
 * a flag is on when any matching policy sets it, a list is the union of all their values, and a
 * single value comes from the policies of the best priority alone (which must agree).
 *
 * @param accepts whether a value is valid (for a list: each of its space-separated items)
 * @param expected what a valid value looks like, for the error message
 */
public record ActionSpec(
    Scope scope, String name, Kind kind, Predicate<String> accepts, String expected) {

  /** How values of several policies combine. */
  public enum Kind {
    FLAG,
    LIST,
    SINGLE
  }

  public static ActionSpec flag(Scope scope, String name) {
    return new ActionSpec(scope, name, Kind.FLAG, v -> true, "a flag");
  }

  public static ActionSpec oneOf(Scope scope, String name, Collection<String> allowed) {
    Set<String> sorted = new TreeSet<>(allowed);
    return new ActionSpec(
        scope, name, Kind.SINGLE, sorted::contains, "one of " + String.join(", ", sorted));
  }

  public static ActionSpec whole(Scope scope, String name, int min, int max) {
    return new ActionSpec(
        scope,
        name,
        Kind.SINGLE,
        v -> inRange(v, min, max),
        "a whole number from " + min + " to " + max);
  }

  /** A space-separated list of items from a set, compared in lower case (token types). */
  public static ActionSpec listOf(Scope scope, String name, Collection<String> allowed) {
    Set<String> sorted = new TreeSet<>(allowed);
    return new ActionSpec(
        scope,
        name,
        Kind.LIST,
        v -> sorted.contains(v.toLowerCase(Locale.ROOT)),
        "a space-separated list of " + String.join(", ", sorted));
  }

  private static boolean inRange(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      return n >= min && n <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
