package org.countersign.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countersign.json.Jsonp;

/**
 * The settings of an LDAP resolver, parsed and checked from privacyIDEA's keys ({@code LDAPURI},
 * {@code LDAPBASE}, {@code BINDDN}, …). A malformed value is an {@link IllegalArgumentException}
 * whose message names the key.
 *
 * <pre>{@code
 * LdapConfig c = LdapConfig.parse(Map.of("LDAPURI", "ldap://dc1, ldap://dc2", "LDAPBASE", "dc=x"));
 * }</pre>
 */
public record LdapConfig(
    List<Server> servers,
    String base,
    String bindDn,
    Duration timeout,
    int sizeLimit,
    List<String> loginAttributes,
    Filter searchFilter,
    Map<String, String> userInfo,
    String uidType,
    SearchScope scope,
    boolean startTls,
    boolean tlsVerify,
    Optional<Path> caFile,
    Duration cacheTimeout,
    boolean noReferrals) {

  /** One directory server from {@code LDAPURI}. */
  public record Server(String host, int port, boolean ldaps) {}

  public static final String DN = "DN";
  public static final String OBJECT_GUID = "objectGUID";

  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
  private static final Map<String, String> DEFAULT_USERINFO =
      Map.of(
          "givenname", "givenName",
          "surname", "sn",
          "email", "mail",
          "phone", "telephoneNumber",
          "mobile", "mobile");

  public static LdapConfig parse(Map<String, String> keys) {
    Map<String, String> k = new LinkedHashMap<>();
    keys.forEach((key, value) -> k.put(key, value == null ? "" : value.strip()));
    String auth = k.getOrDefault("AUTHTYPE", "Simple");
    if (!auth.isEmpty() && !auth.equalsIgnoreCase("Simple")) {
      throw bad("AUTHTYPE", "only Simple is supported");
    }
    List<Server> servers = servers(required(k, "LDAPURI"));
    List<String> logins =
        attributes("LOGINNAMEATTRIBUTE", k.getOrDefault("LOGINNAMEATTRIBUTE", ""));
    if (logins.isEmpty()) {
      logins = List.of("uid");
    }
    boolean startTls = bool(k, "START_TLS", false);
    if (startTls && servers.stream().anyMatch(Server::ldaps)) {
      startTls = false; // privacyIDEA ignores START_TLS for ldaps URIs
    }
    return new LdapConfig(
        servers,
        required(k, "LDAPBASE"),
        k.getOrDefault("BINDDN", ""),
        Duration.ofSeconds(number(k, "TIMEOUT", 5, 1, 120)),
        number(k, "SIZELIMIT", 500, 1, 100_000),
        logins,
        filter(k.getOrDefault("LDAPSEARCHFILTER", "")),
        userInfo(k.getOrDefault("USERINFO", "")),
        uidType(k.getOrDefault("UIDTYPE", "")),
        scope(k.getOrDefault("SCOPE", "")),
        startTls,
        bool(k, "TLS_VERIFY", true),
        caFile(k.getOrDefault("TLS_CA_FILE", "")),
        Duration.ofSeconds(number(k, "CACHE_TIMEOUT", 120, 0, 86_400)),
        bool(k, "NOREFERRALS", true));
  }

  /** The login attribute whose value is the user name. */
  public String primaryLogin() {
    return loginAttributes.get(0);
  }

  private static List<Server> servers(String value) {
    List<Server> out = new ArrayList<>();
    for (String raw : value.split(",")) {
      String uri = raw.strip();
      if (uri.isEmpty()) {
        continue;
      }
      try {
        URI u = new URI(uri);
        String scheme = Optional.ofNullable(u.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps") || u.getHost() == null) {
          throw bad("LDAPURI", "each URI is ldap://host[:port] or ldaps://host[:port]");
        }
        boolean ldaps = scheme.equals("ldaps");
        out.add(new Server(u.getHost(), u.getPort() > 0 ? u.getPort() : ldaps ? 636 : 389, ldaps));
      } catch (URISyntaxException e) {
        throw bad("LDAPURI", "each URI is ldap://host[:port] or ldaps://host[:port]");
      }
    }
    if (out.isEmpty() || out.size() > 10) {
      throw bad("LDAPURI", "one to ten comma-separated URIs");
    }
    return List.copyOf(out);
  }

  private static List<String> attributes(String key, String value) {
    List<String> out =
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    for (String a : out) {
      if (!ATTRIBUTE.matcher(a).matches()) {
        throw bad(key, "'" + a + "' is not an attribute name");
      }
    }
    return out;
  }

  private static Filter filter(String value) {
    if (value.isEmpty()) {
      return Filter.createPresenceFilter("objectClass");
    }
    try {
      return Filter.create(value);
    } catch (LDAPException e) {
      throw bad("LDAPSEARCHFILTER", "not an LDAP filter (RFC 4515)");
    }
  }

  private static Map<String, String> userInfo(String value) {
    if (value.isEmpty()) {
      return DEFAULT_USERINFO;
    }
    JsonObject o;
    try (var reader = Jsonp.createReader(new StringReader(value))) {
      o = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw bad("USERINFO", "a JSON object of field to attribute");
    }
    Map<String, String> out = new LinkedHashMap<>();
    o.forEach(
        (field, attr) -> {
          if (!(attr instanceof JsonString s) || !ATTRIBUTE.matcher(s.getString()).matches()) {
            throw bad("USERINFO", "the value of '" + field + "' is not an attribute name");
          }
          out.put(field, s.getString());
        });
    return Map.copyOf(out);
  }

  private static String uidType(String value) {
    if (value.isEmpty() || value.equalsIgnoreCase(DN)) {
      return DN;
    }
    if (!ATTRIBUTE.matcher(value).matches()) {
      throw bad("UIDTYPE", "DN, entryUUID, objectGUID or an attribute name");
    }
    return value;
  }

  private static SearchScope scope(String value) {
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "", "SUBTREE", "SUB" -> SearchScope.SUB;
      case "LEVEL", "ONE", "ONELEVEL" -> SearchScope.ONE;
      case "BASE" -> SearchScope.BASE;
      default -> throw bad("SCOPE", "SUBTREE, LEVEL or BASE");
    };
  }

  private static Optional<Path> caFile(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Path p = Path.of(value);
    if (!Files.isReadable(p)) {
      throw bad("TLS_CA_FILE", "no readable file at " + value);
    }
    return Optional.of(p);
  }

  private static String required(Map<String, String> k, String key) {
    String v = k.getOrDefault(key, "");
    if (v.isEmpty()) {
      throw new IllegalArgumentException("Missing parameter: '" + key + "'");
    }
    return v;
  }

  private static int number(Map<String, String> k, String key, int def, int min, int max) {
    String v = k.getOrDefault(key, "");
    if (v.isEmpty()) {
      return def;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw bad(key, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad(key, "must be a whole number");
    }
  }

  private static boolean bool(Map<String, String> k, String key, boolean def) {
    return switch (k.getOrDefault(key, "").toLowerCase(Locale.ROOT)) {
      case "" -> def;
      case "1", "true", "yes", "on" -> true;
      case "0", "false", "no", "off" -> false;
      default -> throw bad(key, "must be true or false");
    };
  }

  private static IllegalArgumentException bad(String key, String why) {
    return new IllegalArgumentException("Invalid parameter '" + key + "': " + why);
  }
}
