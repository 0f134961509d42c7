package org.countersign.auth;

import java.util.List;

/** The two roles of the API and the rights each is granted, as reported by {@code POST /auth}. */
public enum Role {
  ADMIN(
      "admin",
      List.of(
          "enroll",
          "tokenlist",
          "enable",
          "disable",
          "delete",
          "reset",
          "setpin",
          "resync",
          "adduser",
          "deleteuser",
          "userlist",
          "triggerchallenge",
          "auditlog")),
  USER("user", List.of("enroll", "tokenlist", "enable", "disable", "delete"));

  private final String wireName;
  private final List<String> rights;

  Role(String wireName, List<String> rights) {
    this.wireName = wireName;
    this.rights = rights;
  }

  public String wireName() {
    return wireName;
  }

  public List<String> rights() {
    return rights;
  }

  public static Role fromWire(String name) {
    for (Role r : values()) {
      if (r.wireName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role");
  }
}
