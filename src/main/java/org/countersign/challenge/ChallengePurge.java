package org.countersign.challenge;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.audit.AuditChain;
import org.countersign.audit.AuditRetention;
import org.countersign.token.EnrolmentSession;

/**
 * Deletes expired challenges and expired enrolment sessions once a minute, and audit entries past
 * their retention ({@code countersign.audit.retention.days}); and first seals a checkpoint of this
 * node's audit chain segment, in a transaction of its own.
 *
 * <p>The timer is non-persistent, so every node runs its own: each purge is one bulk DELETE of rows
 * already expired, which is idempotent, loses nothing when two nodes run it at once, and touches no
 * live row, so it never blocks an authentication. Expired rows are ignored by every query anyway;
 * the purge only keeps tables small.
 */
@Singleton
public class ChallengePurge {

  private static final Logger LOG = Logger.getLogger(ChallengePurge.class.getName());

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject Clock clock;
  @Inject AuditRetention auditRetention;
  @Inject AuditChain auditChain;

  @Schedule(
      second = "0",
      minute = "*",
      hour = "*",
      persistent = false,
      info = "purge expired challenges")
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void purge() {
    auditChain.checkpoint();
    var now = ChallengeService.utc(clock.instant());
    int challenges = em.createNamedQuery(Challenge.PURGE).setParameter("now", now).executeUpdate();
    int sessions =
        em.createNamedQuery(EnrolmentSession.PURGE).setParameter("now", now).executeUpdate();
    auditRetention.purge();
    if (challenges + sessions > 0) {
      LOG.log(
          Level.FINE,
          "Purged {0} expired challenge(s) and {1} enrolment session(s)",
          new Object[] {challenges, sessions});
    }
  }
}
