package org.countersign.resolver;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of user resolver, by privacyIDEA's type names. */
public enum ResolverType {
  /** The server's own user store (table cs_user). */
  BUILTIN("builtin"),
  /** An LDAP directory: OpenLDAP, Active Directory. */
  LDAP("ldapresolver");

  private final String wireName;

  ResolverType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ResolverType> of(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equalsIgnoreCase(name)).findFirst();
  }
}
