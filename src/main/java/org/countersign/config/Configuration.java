package org.countersign.config;

import java.util.Optional;
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

  private final Config config;

  private Configuration(Config config) {
    this.config = config;
  }

  /**
   * The configuration of the running application (system properties, environment, properties
   * files).
   */
  public static Configuration current() {
    return new Configuration(ConfigProvider.getConfig());
  }

  public Optional<String> optional(String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
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
