package org.countersign.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A segment of the audit chain as stored: written once when a node opens it; its purge floor and
 * checkpoint change only by conditional bulk updates (see {@link AuditChain}).
 */
@Entity
@Table(name = "cs_audit_segment")
public class AuditSegment {

  @Id private Long id;

  @Column(nullable = false, length = 64)
  private String node;

  @Column(name = "started_utc", nullable = false)
  private LocalDateTime started;

  @Column(name = "previous_id", nullable = false)
  private long previous;

  @Column(length = 64)
  private String seal;

  @Column(name = "legacy_max_id", nullable = false)
  private long legacyMaxId;

  @Column(name = "purged_seq", nullable = false)
  private long purgedSeq;

  @Column(name = "purged_hash", length = 64)
  private String purgedHash;

  @Column(name = "purge_seal", length = 64)
  private String purgeSeal;

  @Column(name = "checkpoint_seq", nullable = false)
  private long checkpointSeq;

  @Column(name = "checkpoint_hash", length = 64)
  private String checkpointHash;

  @Column(name = "checkpoint_utc")
  private LocalDateTime checkpointAt;

  @Column(name = "checkpoint_seal", length = 64)
  private String checkpointSeal;

  protected AuditSegment() {}

  AuditSegment(long id, String node, LocalDateTime started, long previous, ChainMac mac) {
    this.id = id;
    this.node = node;
    this.started = ChainMac.storable(started);
    this.previous = previous;
    this.seal = mac.segmentSeal(id, node, started, previous);
    this.checkpointSeq = 0;
    this.checkpointHash = seal;
    this.checkpointAt = started;
    this.checkpointSeal = mac.checkpointSeal(id, 0, seal);
  }

  String seal() {
    return seal;
  }

  ChainSegment view() {
    return new ChainSegment(
        id,
        node,
        started,
        previous,
        seal,
        legacyMaxId,
        purgedSeq,
        purgedHash,
        purgeSeal,
        checkpointSeq,
        checkpointHash,
        checkpointSeal);
  }
}
