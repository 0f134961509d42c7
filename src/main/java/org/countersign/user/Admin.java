package org.countersign.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An administrator of the API. Administrators are not realm users and own no tokens. */
@Entity
@Table(name = "cs_admin")
@NamedQuery(name = Admin.COUNT, query = "SELECT COUNT(a) FROM Admin a")
public class Admin {

  public static final String COUNT = "Admin.count";

  @Id
  @Column(length = 64)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 160)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  protected Admin() {}

  public Admin(String username, String passwordHash, LocalDateTime createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  @Override
  public String toString() {
    return "Admin[" + username + "]";
  }
}
