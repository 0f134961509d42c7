package org.countersign.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.countersign.token.spi.Parameters;

/**
 * The type parameters a page sets itself (such as {@code genkey=1}), never typed in by the person:
 * a missing or invalid one is a defect of the page, not a request error.
 */
public final class PageParameters implements Parameters {

  private final Map<String, String> values;

  private PageParameters(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Parameters of(Map<String, String> values) {
    return new PageParameters(values);
  }

  @Override
  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  @Override
  public String required(String name) {
    return optional(name)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new IllegalArgumentException("The page sets no " + name));
  }

  @Override
  public boolean has(String name) {
    return optional(name).filter(s -> !s.isEmpty()).isPresent();
  }

  @Override
  public boolean flag(String name) {
    return "1".equals(values.get(name));
  }

  @Override
  public String oneOf(String name, String defaultValue, Set<String> allowed) {
    String value = optional(name).filter(s -> !s.isEmpty()).orElse(defaultValue);
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException("The page sets an invalid " + name);
    }
    return value;
  }
}
