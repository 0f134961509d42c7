package org.countersign.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.countersign.crypto.KeyRing;

/**
 * Verifies the whole audit chain from the database ({@code GET /audit/verify}), page by page. The
 * walk reads committed rows while others keep writing; a purge that deletes the oldest rows between
 * reading a segment and reading its rows would look like a gap, so a broken answer is checked once
 * more before it is given.
 */
@ApplicationScoped
public class AuditVerifier {

  static final int PAGE_SIZE = 500;

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject KeyRing keys;

  public ChainReport verify() {
    ChainReport first = once();
    return first.valid() ? first : once();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  ChainReport once() {
    return new ChainVerification(new ChainMac(keys.auditChainKey()), PAGE_SIZE)
        .verify(new JpaChainSource(em));
  }
}
