package org.countersign.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Typed, validated reads of MicroProfile Config values. Every read either returns a value inside
 * its documented bounds or fails with a message that names the key, so a bad setting stops the
 * start-up instead of misbehaving.
 *
 * <pre>{@code
 * int window = Configuration.current().integer("countersign.totp.window", 1, 0, 10);
 * }</pre>
 */
public final class Configuration {

  private final Function<String, Optional<String>> source;

  private Configuration(Function<String, Optional<String>> source) {
    this.source = source;
  }

  /**
   * The configuration of the running application (system properties, environment, properties
   * files).
   */
  public static Configuration current() {
    Config config = ConfigProvider.getConfig();
    return new Configuration(key -> config.getOptionalValue(key, String.class));
  }

  /** A configuration of exactly these values, for tests that build settings directly. */
  public static Configuration of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new Configuration(key -> Optional.ofNullable(copy.get(key)));
  }

  public Optional<String> optional(String key) {
    return source.apply(key).map(String::strip).filter(s -> !s.isEmpty());
  }

  public String string(String key, String defaultValue) {
    return optional(key).orElse(defaultValue);
  }

  public int integer(String key, int defaultValue, int min, int max) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw invalid(key, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid(key, "must be a whole number");
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
      case "on":
        return true;
      case "false":
      case "no":
      case "0":
      case "off":
        return false;
      default:
        throw invalid(key, "must be true or false");
    }
  }

  private static IllegalStateException invalid(String key, String why) {
    return new IllegalStateException("Configuration '" + key + "' " + why + ".");
  }
}
