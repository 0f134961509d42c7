package org.countersign.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** A person in the built-in user store. The password is kept only as a slow salted hash. */
@Entity
@Table(name = "cs_user")
@SequenceGenerator(name = "cs_user_seq", sequenceName = "cs_user_seq", allocationSize = 50)
@NamedQueries({
  @NamedQuery(
      name = User.BY_NAME,
      query = "SELECT u FROM User u WHERE u.realm = :realm AND u.username = :username"),
  @NamedQuery(
      name = User.ALL,
      query = "SELECT u FROM User u WHERE u.realm = :realm ORDER BY u.username")
})
public class User {

  public static final String BY_NAME = "User.byName";
  public static final String ALL = "User.all";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cs_user_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String realm;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 160)
  private String passwordHash;

  @Column(name = "given_name", length = 128)
  private String givenName;

  @Column(length = 128)
  private String surname;

  @Column(length = 255)
  private String email;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  /** For a user of a directory: the resolver and the directory's stable id; never stored here. */
  @Transient private String resolver;

  @Transient private String uid;

  /** For a user of a directory: each field its USERINFO maps, with the attribute's values. */
  @Transient private Map<String, List<String>> fields = Map.of();

  protected User() {}

  public User(String realm, String username, String passwordHash, LocalDateTime createdAt) {
    this.realm = realm;
    this.username = username;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  /**
   * A user found in a directory resolver, as the rest of the server sees users. It is never
   * persisted: the directory is the only store of its attributes and password.
   */
  public static User ofDirectory(
      String realm, String resolver, String uid, String username, LocalDateTime seen) {
    User u = new User(realm, username, "", seen);
    u.resolver = resolver;
    u.uid = uid;
    return u;
  }

  /** The resolver that holds this user: {@code builtin} or a directory resolver's name. */
  public String resolver() {
    return resolver == null ? UserStore.RESOLVER : resolver;
  }

  /**
   * privacyIDEA's {@code userid}: the row id here, the stable directory id for a directory user.
   */
  public String userId() {
    return uid == null ? String.valueOf(id) : uid;
  }

  /** Whether this user lives in a directory (its password is checked by a bind there). */
  public boolean inDirectory() {
    return resolver != null;
  }

  public Long id() {
    return id;
  }

  public String realm() {
    return realm;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String givenName() {
    return givenName == null ? "" : givenName;
  }

  public String surname() {
    return surname == null ? "" : surname;
  }

  public String email() {
    return email == null ? "" : email;
  }

  /**
   * The fields a directory maps for this user (privacyIDEA's field name to the attribute's values;
   * a field the entry lacks is absent); empty for a user of the built-in store.
   */
  public Map<String, List<String>> directoryFields() {
    return fields;
  }

  /** Keeps the fields a directory maps for this user (see {@link #directoryFields()}). */
  public void mapFields(Map<String, List<String>> fields) {
    this.fields = Map.copyOf(fields);
  }

  public void describe(String givenName, String surname, String email) {
    this.givenName = givenName;
    this.surname = surname;
    this.email = email;
  }

  /** The name shown to people: given name and surname, or the user name when both are empty. */
  public String displayName() {
    String full = (givenName() + " " + surname()).strip();
    return full.isEmpty() ? username : full;
  }

  @Override
  public String toString() {
    return "User[" + username + "@" + realm + "]";
  }
}
