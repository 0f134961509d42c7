package org.countersign.user;

/** What it takes to create a user; its toString never shows the password. */
public record NewUser(
    String realm,
    String username,
    String password,
    String givenName,
    String surname,
    String email) {

  @Override
  public String toString() {
    return "NewUser[" + username + "@" + realm + "]";
  }
}
