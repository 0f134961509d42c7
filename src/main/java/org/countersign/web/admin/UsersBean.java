package org.countersign.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.countersign.error.DomainException;
import org.countersign.user.NewUser;
import org.countersign.user.Passwords;
import org.countersign.user.User;
import org.countersign.user.UserStore;
import org.countersign.web.Texts;

/**
 * "Users": the users of a realm's built-in store, found by part of the name or e-mail address;
 * create one, and delete one (with their tokens) after a confirmation. {@link UserStore} writes the
 * audit trail, naming the administrator.
 */
@Named("adminUsers")
@ViewScoped
public class UsersBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** More than a page shows usefully; the search narrows it down. */
  static final int MAX_ROWS = 200;

  @Inject UserStore users;
  @Inject Realms realms;
  @Inject AdminSession admin;

  private String realm;
  private String query;
  private List<UserRow> rows = List.of();
  private int matches;
  private String pendingDelete;

  private String newName;
  private String newPassword;
  private String newGivenName;
  private String newSurname;
  private String newEmail;

  /** Run by the page on every GET. */
  public void load() {
    realm = realms.orDefault(realm);
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    List<UserRow> all =
        users.list(realm).stream().map(UserRow::of).filter(r -> r.matches(q)).toList();
    matches = all.size();
    rows = all.subList(0, Math.min(MAX_ROWS, all.size()));
  }

  public String search() {
    load();
    return null;
  }

  public void create() {
    String name = newName == null ? "" : newName.strip();
    String password = newPassword == null ? "" : newPassword;
    newPassword = null;
    if (password.length() < Passwords.MIN_LENGTH) {
      Texts.error("admin.users.password.short", Passwords.MIN_LENGTH);
      return;
    }
    if (users.find(realm, name).isPresent()) {
      Texts.error("admin.users.exists", name);
      return;
    }
    try {
      users.create(
          new NewUser(
              realm,
              name,
              password,
              blankToNull(newGivenName),
              blankToNull(newSurname),
              blankToNull(newEmail)),
          admin.caller().origin());
    } catch (DomainException e) {
      Texts.error("admin.users.name.invalid");
      return;
    }
    Texts.info("admin.users.created", name);
    newName = null;
    newGivenName = null;
    newSurname = null;
    newEmail = null;
    query = name;
    load();
  }

  public void askDelete(String username) {
    pendingDelete = username;
  }

  public void cancel() {
    pendingDelete = null;
  }

  public void confirmDelete() {
    if (pendingDelete == null) {
      return;
    }
    try {
      users.delete(realm, pendingDelete, admin.caller().origin());
      Texts.info("admin.users.deleted", pendingDelete);
    } catch (DomainException e) {
      Texts.error("admin.users.notfound", pendingDelete);
    }
    pendingDelete = null;
    load();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public List<String> getRealms() {
    return realms.all();
  }

  public boolean isRealmChoice() {
    return realms.all().size() > 1;
  }

  public List<UserRow> getRows() {
    return rows;
  }

  public int getMatches() {
    return matches;
  }

  public boolean isTruncated() {
    return matches > rows.size();
  }

  public String getPendingDelete() {
    return pendingDelete;
  }

  public String getRealm() {
    return realm;
  }

  public void setRealm(String realm) {
    this.realm = realm;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getNewGivenName() {
    return newGivenName;
  }

  public void setNewGivenName(String newGivenName) {
    this.newGivenName = newGivenName;
  }

  public String getNewSurname() {
    return newSurname;
  }

  public void setNewSurname(String newSurname) {
    this.newSurname = newSurname;
  }

  public String getNewEmail() {
    return newEmail;
  }

  public void setNewEmail(String newEmail) {
    this.newEmail = newEmail;
  }

  /** One line of the user list. */
  public record UserRow(String username, String name, String email) implements Serializable {

    static UserRow of(User u) {
      String full = (u.givenName() + " " + u.surname()).strip();
      return new UserRow(u.username(), full, u.email());
    }

    boolean matches(String lowerCaseQuery) {
      return lowerCaseQuery.isEmpty()
          || username.toLowerCase(Locale.ROOT).contains(lowerCaseQuery)
          || name.toLowerCase(Locale.ROOT).contains(lowerCaseQuery)
          || email.toLowerCase(Locale.ROOT).contains(lowerCaseQuery);
    }

    public String getUsername() {
      return username;
    }

    public String getName() {
      return name;
    }

    public String getEmail() {
      return email;
    }
  }
}
