package org.countersign.directory;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Search filters built with the SDK's filter objects, never from strings: a name is an assertion
 * value, encoded as such, so {@code *}, {@code )(} or a NUL in it match only an entry whose login
 * is exactly that text.
 */
final class Filters {

  private Filters() {}

  /** The configured filter AND any login attribute equal to the name. */
  static Filter login(LdapConfig config, String login) {
    List<Filter> any = new ArrayList<>();
    for (String attribute : config.loginAttributes()) {
      any.add(Filter.createEqualityFilter(attribute, login));
    }
    return Filter.createANDFilter(config.searchFilter(), Filter.createORFilter(any));
  }

  /**
   * The configured filter AND the primary login matching a pattern in which {@code *} is a
   * wildcard.
   */
  static Filter loginPattern(LdapConfig config, String pattern) {
    if (!pattern.contains("*")) {
      return Filter.createANDFilter(
          config.searchFilter(), Filter.createEqualityFilter(config.primaryLogin(), pattern));
    }
    List<String> parts = Arrays.asList(pattern.split("\\*", -1));
    String initial = parts.get(0).isEmpty() ? null : parts.get(0);
    String last = parts.get(parts.size() - 1);
    String fin = last.isEmpty() ? null : last;
    String[] any =
        parts.subList(1, parts.size() - 1).stream()
            .filter(s -> !s.isEmpty())
            .toArray(String[]::new);
    if (initial == null && fin == null && any.length == 0) {
      return config.searchFilter();
    }
    return Filter.createANDFilter(
        config.searchFilter(),
        Filter.createSubstringFilter(config.primaryLogin(), initial, any, fin));
  }

  /**
   * The configured filter AND the uid attribute equal to the id; empty when the id cannot be one.
   */
  static Optional<Filter> uid(LdapConfig config, String uid) {
    if (config.uidType().equalsIgnoreCase(LdapConfig.OBJECT_GUID)) {
      return Uids.guidBytes(uid)
          .map(
              bytes ->
                  Filter.createANDFilter(
                      config.searchFilter(), Filter.createEqualityFilter(config.uidType(), bytes)));
    }
    return Optional.of(
        Filter.createANDFilter(
            config.searchFilter(), Filter.createEqualityFilter(config.uidType(), uid)));
  }
}
