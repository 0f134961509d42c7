package org.countersign.auth;

import org.countersign.audit.Origin;
import org.countersign.error.DomainException;

/**
 * An authenticated API caller. An admin may act on every token; a user only on their own, which
 * {@link #mayActOn(String, String)} decides in one place.
 */
public record Caller(String username, String realm, Role role, String client) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public boolean mayActOn(String ownerRealm, String ownerName) {
    return isAdmin() || (username.equals(ownerName) && realm.equals(ownerRealm));
  }

  public void requireAdmin() {
    if (!isAdmin()) {
      throw DomainException.forbidden("Admin rights are required for this action.");
    }
  }

  public Origin origin() {
    return new Origin(client, isAdmin() ? username : username + "@" + realm);
  }
}
