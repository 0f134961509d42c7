package org.countersign.audit;

import java.util.Arrays;
import java.util.Optional;

/** The columns of the audit trail a search may filter on, by privacyIDEA's names. */
public enum AuditColumn {
  ACTION("action", "action"),
  USER("user", "username"),
  REALM("realm", "realm"),
  SERIAL("serial", "serial"),
  TOKEN_TYPE("token_type", "tokenType"),
  SUCCESS("success", "success"),
  AUTHENTICATION("authentication", "result"),
  CLIENT("client", "client"),
  ADMINISTRATOR("administrator", "actor"),
  INFO("info", "info");

  private final String wireName;
  private final String field;

  AuditColumn(String wireName, String field) {
    this.wireName = wireName;
    this.field = field;
  }

  public String wireName() {
    return wireName;
  }

  /** The entity field in JPQL. */
  String field() {
    return field;
  }

  public static Optional<AuditColumn> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }
}
