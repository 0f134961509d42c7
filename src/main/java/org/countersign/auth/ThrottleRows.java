package org.countersign.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The rows of the password throttle. Each change is its own short transaction, apart from the
 * sign-in that caused it, so that a failure counts even when the sign-in's transaction rolls back
 * and no row stays locked while a password is hashed. Counting is one UPDATE of the row ({@code
 * failures = failures + 1}); the count read back and the lock set in the same transaction see the
 * row as that UPDATE left it, since the row stays locked until the commit.
 */
@ApplicationScoped
public class ThrottleRows {

  private static final String INSERT =
      "INSERT INTO cs_throttle (key_hash, failures, locked_until, last_failure) VALUES (?, 1, ?, ?)";
  private static final String UNIQUE_VIOLATION = "23505";

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/countersign")
  DataSource dataSource;

  private volatile Boolean postgres;

  /** The latest end of a lock, among these keys, that is still ahead of {@code now}. */
  @Transactional(TxType.SUPPORTS)
  public Optional<LocalDateTime> lockedUntil(Collection<String> keys, LocalDateTime now) {
    return Optional.ofNullable(
        em.createNamedQuery(ThrottleEntry.LOCKED_UNTIL, LocalDateTime.class)
            .setParameter("keys", keys)
            .setParameter("now", now)
            .getSingleResult());
  }

  /**
   * Counts one more failure of an existing row and locks it as the policy says.
   *
   * @return the new number of failures, or 0 when the key has no row yet
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int countFailure(String key, LocalDateTime now, LockPolicy policy) {
    int changed =
        em.createNamedQuery(ThrottleEntry.COUNT_FAILURE)
            .setParameter("key", key)
            .setParameter("now", now)
            .executeUpdate();
    if (changed == 0) {
      return 0;
    }
    int failures =
        em.createNamedQuery(ThrottleEntry.FAILURES, Integer.class)
            .setParameter("key", key)
            .getSingleResult();
    policy
        .lockAfter(failures)
        .ifPresent(
            lock ->
                em.createNamedQuery(ThrottleEntry.LOCK)
                    .setParameter("key", key)
                    .setParameter("until", now.plus(lock))
                    .executeUpdate());
    return failures;
  }

  /**
   * The first failure of a key, unless another request, on this node or another, inserted the row
   * first. Plain JDBC, so that a lost race is an answer and not a logged persistence error: on
   * PostgreSQL the insert skips a conflicting row ({@code ON CONFLICT DO NOTHING}, which never
   * aborts the transaction); elsewhere a unique violation (SQL state 23505) is taken as the same
   * answer.
   *
   * @return whether this call inserted the row; when not, the caller counts on the row that won
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean insertFirst(String key, LocalDateTime now, LockPolicy policy) {
    LocalDateTime until = policy.lockAfter(1).map(now::plus).orElse(null);
    try (Connection c = dataSource.getConnection()) {
      String sql = INSERT + (isPostgres(c) ? " ON CONFLICT (key_hash) DO NOTHING" : "");
      try (PreparedStatement insert = c.prepareStatement(sql)) {
        insert.setString(1, key);
        insert.setObject(2, until);
        insert.setObject(3, now);
        return insert.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw new PersistenceException("Cannot record a failed password check", e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void clear(String key) {
    em.createNamedQuery(ThrottleEntry.CLEAR).setParameter("key", key).executeUpdate();
  }

  private boolean isPostgres(Connection c) throws SQLException {
    Boolean p = postgres;
    if (p == null) {
      p = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
      postgres = p;
    }
    return p;
  }

  /** Deletes the rows of keys that have not failed since {@code idleSince} and are not locked. */
  @Transactional(TxType.REQUIRED)
  public int purge(LocalDateTime idleSince, LocalDateTime now) {
    return em.createNamedQuery(ThrottleEntry.PURGE)
        .setParameter("idleSince", idleSince)
        .setParameter("now", now)
        .executeUpdate();
  }
}
