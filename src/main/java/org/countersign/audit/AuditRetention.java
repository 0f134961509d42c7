package org.countersign.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.config.Configuration;
import org.countersign.ops.Outcomes;

/**
 * How long audit entries are kept: {@code countersign.audit.retention.days} (default 0, kept for
 * ever). The purge runs on the housekeeping timer, on every node; it is one bulk DELETE of old
 * rows, idempotent when two nodes run it at once.
 */
@ApplicationScoped
public class AuditRetention {

  public static final String RETENTION_DAYS = "countersign.audit.retention.days";
  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Outcomes outcomes;
  private int days;

  @PostConstruct
  void read() {
    days = Configuration.current().integer(RETENTION_DAYS, 0, 0, 36_500);
  }

  /**
   * Deletes the entries older than the retention; returns how many (0 when entries are kept for
   * ever).
   */
  public int purge() {
    if (days == 0) {
      return 0;
    }
    int purged = audit.purgeBefore(LocalDateTime.now(clock).minusDays(days));
    outcomes.auditPurged(purged);
    if (purged > 0) {
      LOG.log(
          Level.FINE, "Purged {0} audit entries older than {1} days", new Object[] {purged, days});
    }
    return purged;
  }
}
