package org.countersign.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Settings of the HTTP edge shared by the API and the pages, read once at start-up. */
@ApplicationScoped
public class HttpSettings {

  /**
   * API paths whose query string may not carry a secret parameter (a password, PIN or key), because
   * query strings end up in access logs; comma-separated, {@code none} for nowhere. Default {@code
   * /auth,/token/init}. {@code /validate/check} is not among them by default, since privacyIDEA
   * clients may check codes by GET.
   */
  public static final String QUERY_SECRETS_REFUSE = "countersign.query.secrets.refuse";

  /**
   * Host names (without port) that requests may name in their Host header while {@code
   * countersign.public.url} is not set, since the server then builds the URLs it hands out and
   * redirects to from that header; comma-separated, {@code *} for any. Default {@code
   * localhost,127.0.0.1,[::1]}. Ignored when the public URL is set: the server then answers any
   * Host and builds every URL from the public URL.
   */
  public static final String HOSTS_ALLOWED = "countersign.hosts.allowed";

  private static final Logger LOG = Logger.getLogger(HttpSettings.class.getName());

  @Inject Settings settings;

  private Set<String> querySecretPaths;
  private Set<String> hostsAllowed;
  private boolean anyHost;

  @PostConstruct
  void read() {
    Configuration c = Configuration.current();
    querySecretPaths =
        names(c.string(QUERY_SECRETS_REFUSE, "/auth,/token/init")).stream()
            .map(HttpSettings::path)
            .collect(Collectors.toUnmodifiableSet());
    List<String> hosts = names(c.string(HOSTS_ALLOWED, "localhost,127.0.0.1,[::1]"));
    anyHost = settings.publicUrl().isPresent() || hosts.contains("*");
    hostsAllowed =
        hosts.stream().map(HttpSettings::hostName).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Says at start-up which requests are answered, since a refused Host header is easy to miss
   * behind a proxy.
   */
  void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.publicUrl().isPresent()) {
      LOG.info(
          "Handed-out URLs and redirects use "
              + Settings.PUBLIC_URL
              + " ("
              + settings.publicUrl().get()
              + "); requests are answered whatever their Host header.");
    } else if (anyHost) {
      LOG.warning(
          Settings.PUBLIC_URL
              + " is not set and "
              + HOSTS_ALLOWED
              + " is *: the Host header of each request"
              + " chooses the URLs handed out.");
    } else {
      LOG.info(
          Settings.PUBLIC_URL
              + " is not set: only requests for the hosts "
              + String.join(", ", hostsAllowed)
              + " ("
              + HOSTS_ALLOWED
              + ") are answered, others get 400.");
    }
  }

  /**
   * Whether a request with this Host header (name and optional port; null when absent) is answered.
   * Without a Host header the server builds URLs from its own address, which no client chooses.
   */
  public boolean hostAllowed(String hostHeader) {
    return anyHost || hostHeader == null || hostsAllowed.contains(hostName(hostHeader));
  }

  /** The name of a Host header value without its port, lower case and without a trailing dot. */
  static String hostName(String hostHeader) {
    String h = hostHeader.strip().toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon >= 0 && colon > h.lastIndexOf(']')) {
      h = h.substring(0, colon);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /**
   * Whether the API path (with or without slashes at either end) refuses secrets in its query
   * string.
   */
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
