package org.countersign.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes the audit trail. Every entry joins the caller's transaction, so an action and its record commit or roll
 * back together.
 *
 * <pre>{@code
 * audit.write(audit.entry("token_delete", origin).token(serial, type).outcome(true, "OK", null));
 * }</pre>
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject Clock clock;

  public AuditEntry entry(String action, Origin origin) {
    return new AuditEntry(LocalDateTime.now(clock), action).origin(origin.client(), origin.actor());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void write(AuditEntry entry) {
    em.persist(entry);
  }

  /** The newest entries first. */
  @Transactional
  public List<AuditEntry> newest(int count) {
    return em.createQuery("SELECT a FROM AuditEntry a ORDER BY a.at DESC, a.id DESC", AuditEntry.class)
        .setMaxResults(count)
        .getResultList();
  }
}
