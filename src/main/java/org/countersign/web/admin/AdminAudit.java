package org.countersign.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.countersign.audit.AuditLog;
import org.countersign.auth.Caller;

/**
 * Reads the audit trail for the operators' pages, and records what an administrator read out of it
 * in bulk: an export is itself an {@code audit_export} row naming the administrator.
 */
@ApplicationScoped
public class AdminAudit {

  /** The most rows one export holds; a narrower filter gets the rest. */
  static final int MAX_EXPORT = 100_000;

  static final int EXPORT_PAGE = 1_000;

  @Inject AuditLog audit;

  public AuditLog.Page search(AuditFilter filter, int page, int pageSize) {
    return audit.search(filter.query(page, pageSize));
  }

  @Transactional
  public void exported(Caller admin, AuditFilter filter, long rows) {
    audit.write(
        audit
            .entry("audit_export", admin.origin())
            .outcome(true, "OK", rows + " row(s), " + filter.describe()));
  }
}
