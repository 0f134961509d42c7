package org.countersign.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A one-time session in which a smartphone app registers its secret for a token. Only a SHA-256
 * hash of the session is stored; consuming it is one conditional DELETE, so a session works once
 * and only until it expires.
 */
@Entity
@Table(name = "cs_enrolment_session")
@NamedQueries({
  @NamedQuery(
      name = EnrolmentSession.VALID,
      query =
          "SELECT COUNT(s) FROM EnrolmentSession s WHERE s.hash = :hash AND s.serial = :serial"
              + " AND s.expiresAt > :now"),
  @NamedQuery(
      name = EnrolmentSession.CONSUME,
      query =
          "DELETE FROM EnrolmentSession s WHERE s.hash = :hash AND s.serial = :serial AND s.expiresAt > :now"),
  @NamedQuery(
      name = EnrolmentSession.PURGE,
      query = "DELETE FROM EnrolmentSession s WHERE s.expiresAt <= :now")
})
public class EnrolmentSession {

  public static final String VALID = "EnrolmentSession.valid";
  public static final String CONSUME = "EnrolmentSession.consume";
  public static final String PURGE = "EnrolmentSession.purge";

  @Id
  @Column(name = "session_hash", length = 64)
  private String hash;

  @Column(nullable = false, length = 40)
  private String serial;

  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  protected EnrolmentSession() {}

  EnrolmentSession(String hash, String serial, LocalDateTime expiresAt) {
    this.hash = hash;
    this.serial = serial;
    this.expiresAt = expiresAt;
  }
}
