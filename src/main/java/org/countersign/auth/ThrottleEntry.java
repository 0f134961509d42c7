package org.countersign.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * The failed password checks of one account or one client address, named by a keyed hash. Inserted
 * and changed only by the single statements of {@link ThrottleRows}, so that concurrent failures on
 * any node all count.
 */
@Entity
@Table(name = "cs_throttle")
@NamedQueries({
  @NamedQuery(
      name = ThrottleEntry.LOCKED_UNTIL,
      query =
          "SELECT MAX(e.lockedUntil) FROM ThrottleEntry e WHERE e.keyHash IN :keys AND e.lockedUntil > :now"),
  @NamedQuery(
      name = ThrottleEntry.COUNT_FAILURE,
      query =
          "UPDATE ThrottleEntry e SET e.failures = e.failures + 1, e.lastFailure = :now WHERE e.keyHash = :key"),
  @NamedQuery(
      name = ThrottleEntry.FAILURES,
      query = "SELECT e.failures FROM ThrottleEntry e WHERE e.keyHash = :key"),
  @NamedQuery(
      name = ThrottleEntry.LOCK,
      query =
          "UPDATE ThrottleEntry e SET e.lockedUntil = :until WHERE e.keyHash = :key"
              + " AND (e.lockedUntil IS NULL OR e.lockedUntil < :until)"),
  @NamedQuery(
      name = ThrottleEntry.CLEAR,
      query = "DELETE FROM ThrottleEntry e WHERE e.keyHash = :key"),
  @NamedQuery(
      name = ThrottleEntry.PURGE,
      query =
          "DELETE FROM ThrottleEntry e WHERE e.lastFailure < :idleSince"
              + " AND (e.lockedUntil IS NULL OR e.lockedUntil < :now)")
})
public class ThrottleEntry {

  static final String LOCKED_UNTIL = "ThrottleEntry.lockedUntil";
  static final String COUNT_FAILURE = "ThrottleEntry.countFailure";
  static final String FAILURES = "ThrottleEntry.failures";
  static final String LOCK = "ThrottleEntry.lock";
  static final String CLEAR = "ThrottleEntry.clear";
  static final String PURGE = "ThrottleEntry.purge";

  @Id
  @Column(name = "key_hash", length = 64)
  private String keyHash;

  @Column(nullable = false)
  private int failures;

  @Column(name = "locked_until")
  private LocalDateTime lockedUntil;

  @Column(name = "last_failure", nullable = false)
  private LocalDateTime lastFailure;

  protected ThrottleEntry() {}
}
