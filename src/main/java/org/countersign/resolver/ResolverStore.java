package org.countersign.resolver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Resolvers and realms in the database. Every change also raises the one version number that each
 * node's {@link DirectoryPool} compares, in the same transaction.
 */
@ApplicationScoped
public class ResolverStore {

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Transactional
  public long version() {
    Object v =
        em.createNativeQuery("SELECT version FROM cs_directory_state WHERE id = 1")
            .getSingleResult();
    return ((Number) v).longValue();
  }

  @Transactional
  List<ResolverRow> resolvers() {
    return em.createNamedQuery(ResolverRow.ALL, ResolverRow.class).getResultList();
  }

  @Transactional
  Optional<ResolverRow> resolver(String name) {
    return em.createNamedQuery(ResolverRow.BY_NAME, ResolverRow.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Transactional
  List<RealmRow> realms() {
    return em.createNamedQuery(RealmRow.ALL, RealmRow.class).getResultList();
  }

  @Transactional
  Optional<RealmRow> realm(String name) {
    return em.createNamedQuery(RealmRow.BY_NAME, RealmRow.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void persist(Object row) {
    em.persist(row);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void remove(Object row) {
    em.remove(row);
  }

  /** Flushes the changes and raises the version, so that every node notices them. */
  @Transactional(Transactional.TxType.MANDATORY)
  void changed() {
    em.flush();
    em.createNativeQuery("UPDATE cs_directory_state SET version = version + 1 WHERE id = 1")
        .executeUpdate();
  }
}
