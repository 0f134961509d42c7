package org.countersign.audit;

import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalLong;

/** The chain as the server reads it, through JPA: plain values, nothing kept in the context. */
final class JpaChainSource implements ChainSource {

  private static final String ROW_FIELDS =
      "a.id, a.segment, a.seq, a.chainHash, a.at, a.action, a.username, a.realm, a.serial,"
          + " a.tokenType, a.success, a.result, a.client, a.actor, a.info";

  private final EntityManager em;

  JpaChainSource(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<ChainSegment> segments() {
    return em
        .createQuery("SELECT s FROM AuditSegment s ORDER BY s.id", AuditSegment.class)
        .getResultList()
        .stream()
        .map(AuditSegment::view)
        .toList();
  }

  @Override
  public List<ChainRow> rows(long segment, long afterSeq, int limit) {
    return em
        .createQuery(
            "SELECT "
                + ROW_FIELDS
                + " FROM AuditEntry a WHERE a.segment = :s AND a.seq > :after ORDER BY a.seq",
            Object[].class)
        .setParameter("s", segment)
        .setParameter("after", afterSeq)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(JpaChainSource::row)
        .toList();
  }

  private static ChainRow row(Object[] v) {
    return new ChainRow(
        ((Number) v[0]).longValue(),
        v[1] == null ? null : ((Number) v[1]).longValue(),
        v[2] == null ? null : ((Number) v[2]).longValue(),
        (String) v[3],
        (LocalDateTime) v[4],
        (String) v[5],
        (String) v[6],
        (String) v[7],
        (String) v[8],
        (String) v[9],
        (Boolean) v[10],
        (String) v[11],
        (String) v[12],
        (String) v[13],
        (String) v[14]);
  }

  @Override
  public long unchained(long legacyMaxId) {
    return em.createQuery(
            "SELECT COUNT(a) FROM AuditEntry a WHERE a.segment IS NULL AND a.id <= :max",
            Long.class)
        .setParameter("max", legacyMaxId)
        .getSingleResult();
  }

  @Override
  public OptionalLong firstStray(long legacyMaxId) {
    Long id =
        em.createQuery(
                "SELECT MIN(a.id) FROM AuditEntry a WHERE (a.segment IS NULL AND a.id > :max)"
                    + " OR (a.segment IS NOT NULL AND NOT EXISTS"
                    + " (SELECT s FROM AuditSegment s WHERE s.id = a.segment))",
                Long.class)
            .setParameter("max", legacyMaxId)
            .getSingleResult();
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }
}
