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
import java.time.LocalDateTime;

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

  protected User() {}

  public User(String realm, String username, String passwordHash, LocalDateTime createdAt) {
    this.realm = realm;
    this.username = username;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
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
