package org.countersign.audit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A search of the audit trail as privacyIDEA's {@code GET /audit/} takes it: filters by column (a
 * value with {@code *} is a pattern, one starting with {@code !} is negated), how far back, a page
 * and the order.
 *
 * @param filters column name to filter value; the names are those of {@link AuditColumn}
 */
public record AuditQuery(
    Map<AuditColumn, String> filters,
    Optional<Duration> within,
    int page,
    int pageSize,
    boolean newestFirst) {

  public AuditQuery {
    filters = Map.copyOf(filters);
  }
}
