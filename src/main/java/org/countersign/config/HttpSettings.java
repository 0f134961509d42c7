package org.countersign.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Settings of the HTTP edge shared by the API and the pages, read once at start-up. */
@ApplicationScoped
public class HttpSettings {

  /**
   * API paths whose query string may not carry a secret parameter (a password, PIN or key), because query strings
   * end up in access logs; comma-separated, {@code none} for nowhere. Default {@code /auth,/token/init}.
   * {@code /validate/check} is not among them by default, since privacyIDEA clients may check codes by GET.
   */
  public static final String QUERY_SECRETS_REFUSE = "countersign.query.secrets.refuse";

  private Set<String> querySecretPaths;

  @PostConstruct
  void read() {
    Configuration c = Configuration.current();
    querySecretPaths = names(c.string(QUERY_SECRETS_REFUSE, "/auth,/token/init")).stream()
        .map(HttpSettings::path).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the API path (with or without slashes at either end) refuses secrets in its query string. */
  public boolean refusesQuerySecrets(String path) {
    return querySecretPaths.contains(path(path));
  }

  private static List<String> names(String raw) {
    List<String> names = Arrays.stream(raw.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    return names.equals(List.of("none")) ? List.of() : names;
  }

  private static String path(String raw) {
    String p = raw.strip();
    int from = 0;
    int to = p.length();
    while (from < to && p.charAt(from) == '/') {
      from++;
    }
    while (to > from && p.charAt(to - 1) == '/') {
      to--;
    }
    return p.substring(from, to).toLowerCase(Locale.ROOT);
  }
}
