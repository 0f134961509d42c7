package org.countersign.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a policy applies, by privacyIDEA's scope names. */
public enum Scope {
  ADMIN,
  USER,
  AUTHENTICATION,
  AUTHORIZATION,
  ENROLLMENT,
  WEBUI,
  REGISTER,
  CONTAINER,
  TOKEN,
  AUDIT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Scope> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
  }
}
