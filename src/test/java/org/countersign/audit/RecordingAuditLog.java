package org.countersign.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** An audit trail in memory, for service tests below the container. */
public class RecordingAuditLog extends AuditLog {

  public final List<AuditEntry> written = new ArrayList<>();

  public RecordingAuditLog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void write(AuditEntry entry) {
    written.add(entry);
  }

  /** The last entry written. */
  public AuditEntry last() {
    return written.get(written.size() - 1);
  }
}
