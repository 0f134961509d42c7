package org.countersign.api;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.json.Jsonp;
import org.countersign.token.spi.Parameters;

/**
 * Request parameters as privacyIDEA accepts them: the query string, a form body or a JSON object
 * body, merged (body values win). Values are bounded in length; a malformed body is a parameter
 * error.
 *
 * <pre>{@code
 * Params p = Params.parse(uriInfo.getQueryParameters(), headers.getMediaType(), body);
 * String user = p.required("user");
 * }</pre>
 */
public final class Params implements Parameters {

  /** Longest accepted parameter value, in characters. */
  public static final int MAX_VALUE_LENGTH = 2048;

  private static final int MAX_PARAMETERS = 64;

  /** Parameters that carry a secret: a password, a PIN, a code with its PIN, a token key. */
  static final Set<String> SECRETS = Set.of("pass", "password", "pin", "otppin", "otpkey");

  /** The parameters that name a user, where a {@code name@realm} is split. */
  private static final List<String> USER_NAMES = List.of("user", "username");

  private final Map<String, String> values;

  private Params(Map<String, String> values) {
    this.values = values;
  }

  public static Params of(Map<String, String> values) {
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> put(copy, k, v));
    return new Params(copy);
  }

  /**
   * The merged parameters of a request. Query and form values are decoded once more as {@code
   * unquoting} says (privacyIDEA's rule for clients that encode twice); JSON values are taken as
   * they are.
   */
  public static Params parse(
      MultivaluedMap<String, String> query, MediaType type, byte[] body, Unquoting unquoting) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (!e.getValue().isEmpty()) {
        put(values, e.getKey(), unquoting.apply(e.getValue().get(0)));
      }
    }
    if (body != null && body.length > 0) {
      if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        readJson(body, values);
      } else if (type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
        readForm(new String(body, StandardCharsets.UTF_8), values, unquoting);
      }
    }
    return new Params(values);
  }

  /**
   * Refuses a query string that carries a secret parameter, for endpoints where it would end up in
   * access logs and browser histories instead of a request body.
   */
  public static void refuseSecretsIn(MultivaluedMap<String, String> query) {
    for (String name : query.keySet()) {
      if (SECRETS.contains(name)) {
        throw new DomainException(
            Reason.PARAMETER,
            "Parameter '"
                + name
                + "' is a secret and may not be sent in the query string; send it in the request body");
      }
    }
  }

  /** Every parameter by name, in the order received. */
  public Map<String, String> asMap() {
    return java.util.Collections.unmodifiableMap(values);
  }

  @Override
  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value, or an {@code ERR905: Missing parameter} error when absent or empty. */
  @Override
  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw DomainException.missing(name);
    }
    return value;
  }

  /** Present, possibly empty (privacyIDEA's {@code pass=} for a challenge answer). */
  public String present(String name) {
    String value = values.get(name);
    if (value == null) {
      throw DomainException.missing(name);
    }
    return value;
  }

  @Override
  public boolean has(String name) {
    return values.containsKey(name) && !values.get(name).isEmpty();
  }

  /** A whole number within bounds, or the default when absent. */
  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> raw = optional(name).filter(s -> !s.isEmpty());
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get().strip());
      if (value < min || value > max) {
        throw DomainException.invalid(name, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name, "must be a whole number");
    }
  }

  /** A value from a fixed set, or the default when absent. */
  @Override
  public String oneOf(String name, String defaultValue, Set<String> allowed) {
    String value = optional(name).filter(s -> !s.isEmpty()).orElse(defaultValue);
    if (!allowed.contains(value)) {
      throw DomainException.invalid(
          name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  /** A flag such as {@code genkey=1}; true for 1, true, yes or on. */
  @Override
  public boolean flag(String name) {
    String value = values.getOrDefault(name, "").strip().toLowerCase(java.util.Locale.ROOT);
    switch (value) {
      case "":
      case "0":
      case "false":
      case "no":
      case "off":
        return false;
      case "1":
      case "true":
      case "yes":
      case "on":
        return true;
      default:
        throw DomainException.invalid(name, "must be 1 or 0");
    }
  }

  /**
   * privacyIDEA's {@code user@realm}: when {@code user} (or {@code /auth}'s {@code username}) comes
   * without a {@code realm}, and the part after its last {@code @} names an existing realm, the
   * value is split into name and realm. Otherwise the whole value stays the name.
   */
  public Params splittingAtSign(Predicate<String> isRealm) {
    if (has("realm")) {
      return this;
    }
    for (String name : USER_NAMES) {
      String value = values.get(name);
      int at = value == null ? -1 : value.lastIndexOf('@');
      if (at > 0 && at < value.length() - 1 && isRealm.test(value.substring(at + 1))) {
        return with(name, value.substring(0, at)).with("realm", value.substring(at + 1));
      }
    }
    return this;
  }

  /** These parameters with one more value, as when a path segment names the serial. */
  public Params with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    put(copy, name, value);
    return new Params(copy);
  }

  private static void readForm(String body, Map<String, String> values, Unquoting unquoting) {
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        put(values, name, unquoting.apply(value));
      } catch (IllegalArgumentException e) {
        throw new DomainException(Reason.PARAMETER, "Malformed form body");
      }
    }
  }

  /**
   * Reads a flat JSON object event by event. A nested object or array is refused at its first
   * event, without descending into it, so that a deeply nested body costs no more than a flat one
   * and never exhausts the parser.
   */
  private static void readJson(byte[] body, Map<String, String> values) {
    try (JsonParser parser = Jsonp.createParser(new ByteArrayInputStream(body))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new DomainException(Reason.PARAMETER, "The JSON body must be an object");
      }
      for (JsonParser.Event event = parser.next();
          event != JsonParser.Event.END_OBJECT;
          event = parser.next()) {
        String name = parser.getString();
        switch (parser.next()) {
          case VALUE_STRING -> put(values, name, parser.getString());
          case VALUE_NUMBER -> put(values, name, parser.getBigDecimal().toString());
          case VALUE_TRUE -> put(values, name, "1");
          case VALUE_FALSE -> put(values, name, "0");
          case VALUE_NULL -> {}
          default -> throw DomainException.invalid(name, "must be a string, number or boolean");
        }
      }
      if (parser.hasNext()) {
        throw new DomainException(Reason.PARAMETER, "Malformed JSON body");
      }
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      throw new DomainException(Reason.PARAMETER, "Malformed JSON body");
    }
  }

  private static void put(Map<String, String> values, String name, String value) {
    if (value.length() > MAX_VALUE_LENGTH) {
      throw DomainException.invalid(
          name.length() > 40 ? name.substring(0, 40) : name, "value too long");
    }
    if (name.length() > 64) {
      throw new DomainException(Reason.PARAMETER, "Parameter name too long");
    }
    if (value.indexOf('\0') >= 0) {
      // no database stores a NUL in text (PostgreSQL refuses it), and no name, PIN or code contains
      // one
      throw DomainException.invalid(
          name.length() > 40 ? name.substring(0, 40) : name, "contains a NUL character");
    }
    if (!values.containsKey(name) && values.size() >= MAX_PARAMETERS) {
      throw new DomainException(Reason.PARAMETER, "Too many parameters");
    }
    values.put(name, value);
  }
}
