package org.countersign.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the audit trail. Every entry joins the caller's transaction, so an action and its record
 * commit or roll back together.
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
  @Inject AuditChain chain;

  public AuditEntry entry(String action, Origin origin) {
    return new AuditEntry(LocalDateTime.now(clock), action)
        .origin(origin.client(), origin.actor(), origin.administrator());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void write(AuditEntry entry) {
    chain.append(entry);
  }

  /** One page of a search and how many entries match in all. */
  public record Page(List<AuditEntry> entries, long total) {}

  /**
   * The entries that match every filter of the query, one page of them, in time order. A filter
   * value with {@code *} matches as a pattern (the other pattern characters of SQL are literal), a
   * leading {@code !} negates; {@code success} takes 1 or 0 (true, false).
   */
  @Transactional
  public Page search(AuditQuery query) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> parameters = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<AuditColumn, String> f : query.filters().entrySet()) {
      String name = "p" + i++;
      String value = f.getValue();
      boolean negated = value.startsWith("!");
      String v = negated ? value.substring(1) : value;
      String field = "a." + f.getKey().field();
      String test;
      if (f.getKey() == AuditColumn.SUCCESS) {
        test = field + " = :" + name;
        parameters.put(name, Boolean.valueOf(v.equals("1") || v.equalsIgnoreCase("true")));
      } else if (v.contains("*")) {
        test = field + " LIKE :" + name + " ESCAPE '\\'";
        parameters.put(
            name,
            v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%'));
      } else {
        test = field + " = :" + name;
        parameters.put(name, v);
      }
      where.append(negated ? " AND (" + field + " IS NULL OR NOT (" + test + "))" : " AND " + test);
    }
    if (query.within().isPresent()) {
      where.append(" AND a.at >= :since");
      parameters.put("since", LocalDateTime.now(clock).minus(query.within().get()));
    }
    String order = query.newestFirst() ? " ORDER BY a.at DESC, a.id DESC" : " ORDER BY a.at, a.id";
    TypedQuery<AuditEntry> rows =
        em.createQuery("SELECT a FROM AuditEntry a" + where + order, AuditEntry.class);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where, Long.class);
    // Bound, not printed: EclipseLink prints a boolean as 1, which H2 2 does not compare with a
    // BOOLEAN column.
    rows.setHint("eclipselink.jdbc.bind-parameters", "true");
    count.setHint("eclipselink.jdbc.bind-parameters", "true");
    parameters.forEach(
        (k, v) -> {
          rows.setParameter(k, v);
          count.setParameter(k, v);
        });
    List<AuditEntry> page =
        rows.setFirstResult((query.page() - 1) * query.pageSize())
            .setMaxResults(query.pageSize())
            .getResultList();
    return new Page(page, count.getSingleResult());
  }

  /** Deletes the entries older than the cutoff; returns how many. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int purgeBefore(LocalDateTime cutoff) {
    return chain.purgeBefore(cutoff);
  }

  /** The newest entries first. */
  @Transactional
  public List<AuditEntry> newest(int count) {
    return em.createQuery(
            "SELECT a FROM AuditEntry a ORDER BY a.at DESC, a.id DESC", AuditEntry.class)
        .setMaxResults(count)
        .getResultList();
  }
}
