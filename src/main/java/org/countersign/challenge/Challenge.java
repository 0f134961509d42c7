package org.countersign.challenge;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One open challenge of one token. All challenges opened by one request share a transaction id. A
 * challenge is answered by the token's app (status {@link ChallengeStatus#ACCEPT}) and then
 * finalised once by the client, which deletes it. State changes are single conditional statements,
 * so two concurrent answers or finalisations succeed once.
 */
@Entity
@Table(name = "cs_challenge")
@SequenceGenerator(
    name = "cs_challenge_seq",
    sequenceName = "cs_challenge_seq",
    allocationSize = 1000)
@NamedQueries({
  @NamedQuery(
      name = Challenge.BY_SESSION_KEY,
      query = "SELECT c FROM Challenge c WHERE c.sessionKey = :key AND c.expiresAt > :now"),
  @NamedQuery(
      name = Challenge.BY_TRANSACTION,
      query = "SELECT c FROM Challenge c WHERE c.transactionId = :tx AND c.expiresAt > :now"),
  @NamedQuery(
      name = Challenge.OF_TRANSACTION,
      query =
          "SELECT c FROM Challenge c WHERE c.transactionId = :tx AND c.purpose = :purpose"
              + " AND c.expiresAt > :now"),
  @NamedQuery(
      name = Challenge.CLOSE,
      query =
          "DELETE FROM Challenge c WHERE c.transactionId = :tx AND c.purpose = :purpose"
              + " AND c.expiresAt > :now"),
  @NamedQuery(
      name = Challenge.MARK_ANSWERED,
      query =
          "UPDATE Challenge c SET c.status = :accept WHERE c.id = :id"
              + " AND c.status = :pending AND c.expiresAt > :now"),
  @NamedQuery(
      name = Challenge.FINALISE,
      query =
          "DELETE FROM Challenge c WHERE c.transactionId = :tx AND c.serial = :serial"
              + " AND c.purpose = :purpose AND c.status = :accept AND c.expiresAt > :now"),
  @NamedQuery(name = Challenge.PURGE, query = "DELETE FROM Challenge c WHERE c.expiresAt <= :now")
})
public class Challenge {

  public static final String BY_SESSION_KEY = "Challenge.bySessionKey";
  public static final String BY_TRANSACTION = "Challenge.byTransaction";
  public static final String MARK_ANSWERED = "Challenge.markAnswered";
  public static final String FINALISE = "Challenge.finalise";
  public static final String OF_TRANSACTION = "Challenge.ofTransaction";
  public static final String CLOSE = "Challenge.close";
  public static final String PURGE = "Challenge.purge";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cs_challenge_seq")
  private Long id;

  @Column(name = "transaction_id", nullable = false, length = 20)
  private String transactionId;

  @Column(nullable = false, length = 40)
  private String serial;

  @Column(name = "token_type", nullable = false, length = 30)
  private String type;

  @Column(name = "session_key", length = 64)
  private String sessionKey;

  @Column(name = "challenge_data", nullable = false, length = 255)
  private String data;

  @Convert(converter = ChallengeStatusConverter.class)
  @Column(nullable = false, length = 12)
  private ChallengeStatus status = ChallengeStatus.PENDING;

  @Column(name = "purpose", nullable = false, length = 10)
  private String purpose;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private LocalDateTime expiresAt;

  protected Challenge() {}

  Challenge(
      String transactionId,
      Purpose purpose,
      String serial,
      String type,
      String sessionKey,
      String data,
      LocalDateTime createdAt,
      LocalDateTime expiresAt) {
    this.transactionId = transactionId;
    this.purpose = purpose.column();
    this.serial = serial;
    this.type = type;
    this.sessionKey = sessionKey;
    this.data = data;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public Long id() {
    return id;
  }

  public String transactionId() {
    return transactionId;
  }

  public String serial() {
    return serial;
  }

  public String type() {
    return type;
  }

  /** The challenge the token must answer, such as an OCRA question. Not secret. */
  public String data() {
    return data;
  }

  /** What the challenge was opened for. */
  public Purpose purpose() {
    for (Purpose p : Purpose.values()) {
      if (p.column().equals(purpose)) {
        return p;
      }
    }
    throw new IllegalStateException("Unknown challenge purpose " + purpose);
  }

  public String sessionKey() {
    return sessionKey;
  }

  public boolean answered() {
    return status == ChallengeStatus.ACCEPT;
  }

  public LocalDateTime expiresAt() {
    return expiresAt;
  }
}
