package org.countersign.challenge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The challenge table, through the named queries of {@link Challenge}. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaChallengeStore implements ChallengeStore {

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Override
  public void add(Challenge challenge) {
    em.persist(challenge);
  }

  @Override
  public boolean anyAnswered(String transactionId, LocalDateTime now) {
    return em.createNamedQuery(Challenge.BY_TRANSACTION, Challenge.class)
        .setParameter("tx", transactionId)
        .setParameter("now", now)
        .getResultStream()
        .anyMatch(Challenge::answered);
  }

  @Override
  public List<Challenge> ofTransaction(String transactionId, Purpose purpose, LocalDateTime now) {
    return em.createNamedQuery(Challenge.OF_TRANSACTION, Challenge.class)
        .setParameter("tx", transactionId)
        .setParameter("purpose", purpose.column())
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public int close(String transactionId, Purpose purpose, LocalDateTime now) {
    return em.createNamedQuery(Challenge.CLOSE)
        .setParameter("tx", transactionId)
        .setParameter("purpose", purpose.column())
        .setParameter("now", now)
        .executeUpdate();
  }

  @Override
  public Optional<Challenge> bySessionKey(String sessionKey, LocalDateTime now) {
    return em.createNamedQuery(Challenge.BY_SESSION_KEY, Challenge.class)
        .setParameter("key", sessionKey)
        .setParameter("now", now)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean markAnswered(Challenge challenge, LocalDateTime now) {
    return em.createNamedQuery(Challenge.MARK_ANSWERED)
            .setParameter("id", challenge.id())
            .setParameter("accept", ChallengeStatus.ACCEPT)
            .setParameter("pending", ChallengeStatus.PENDING)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean finalise(String transactionId, Purpose purpose, String serial, LocalDateTime now) {
    return em.createNamedQuery(Challenge.FINALISE)
            .setParameter("tx", transactionId)
            .setParameter("purpose", purpose.column())
            .setParameter("serial", serial)
            .setParameter("accept", ChallengeStatus.ACCEPT)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }
}
