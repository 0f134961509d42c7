package org.countersign.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The policies in the database. Every change also raises the one version number that each node's
 * {@link PolicyCache} compares, in the same transaction.
 */
@ApplicationScoped
public class PolicyStore {

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Transactional
  public List<Policy> all() {
    return em.createNamedQuery(PolicyRow.ALL, PolicyRow.class).getResultList().stream()
        .map(PolicyRow::toPolicy)
        .toList();
  }

  @Transactional
  public long version() {
    Object v =
        em.createNativeQuery("SELECT version FROM cs_policy_state WHERE id = 1").getSingleResult();
    return ((Number) v).longValue();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Policy> find(String name) {
    return row(name).map(PolicyRow::toPolicy);
  }

  /** Stores the policy under its name, new or replacing the one of that name; returns its id. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long save(Policy policy) {
    PolicyRow row =
        row(policy.name())
            .orElseGet(
                () -> {
                  PolicyRow created = new PolicyRow(policy.name());
                  em.persist(created);
                  return created;
                });
    row.assign(policy);
    em.flush();
    changed();
    return row.id();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Long> delete(String name) {
    Optional<PolicyRow> row = row(name);
    row.ifPresent(
        r -> {
          em.remove(r);
          changed();
        });
    return row.map(PolicyRow::id);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Long> activate(String name, boolean active) {
    Optional<PolicyRow> row = row(name);
    row.ifPresent(
        r -> {
          r.activate(active);
          changed();
        });
    return row.map(PolicyRow::id);
  }

  private Optional<PolicyRow> row(String name) {
    return em.createNamedQuery(PolicyRow.BY_NAME, PolicyRow.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  private void changed() {
    em.createNativeQuery("UPDATE cs_policy_state SET version = version + 1 WHERE id = 1")
        .executeUpdate();
  }
}
