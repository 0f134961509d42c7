package org.countersign.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;

/**
 * The rows of the password throttle. Each change is its own short transaction, apart from the sign-in that caused
 * it, so that a failure counts even when the sign-in's transaction rolls back and no row stays locked while a
 * password is hashed. Counting is one UPDATE of the row ({@code failures = failures + 1}); the count read back and
 * the lock set in the same transaction see the row as that UPDATE left it, since the row stays locked until the
 * commit.
 */
@ApplicationScoped
public class ThrottleRows {

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

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
    int changed = em.createNamedQuery(ThrottleEntry.COUNT_FAILURE)
        .setParameter("key", key)
        .setParameter("now", now)
        .executeUpdate();
    if (changed == 0) {
      return 0;
    }
    int failures = em.createNamedQuery(ThrottleEntry.FAILURES, Integer.class)
        .setParameter("key", key)
        .getSingleResult();
    policy.lockAfter(failures).ifPresent(lock -> em.createNamedQuery(ThrottleEntry.LOCK)
        .setParameter("key", key)
        .setParameter("until", now.plus(lock))
        .executeUpdate());
    return failures;
  }

  /**
   * The first failure of a key. Fails with a persistence exception when another request, on this node or another,
   * inserted the row first; the caller then counts on that row.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void insertFirst(String key, LocalDateTime now, LockPolicy policy) {
    em.persist(new ThrottleEntry(key, now));
    em.flush();
    policy.lockAfter(1).ifPresent(lock -> em.createNamedQuery(ThrottleEntry.LOCK)
        .setParameter("key", key)
        .setParameter("until", now.plus(lock))
        .executeUpdate());
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void clear(String key) {
    em.createNamedQuery(ThrottleEntry.CLEAR).setParameter("key", key).executeUpdate();
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
