package org.countersign.audit;

import java.time.LocalDateTime;

/**
 * One segment of the chain as stored: a node's chain since its start ({@link #LEGACY} holds the
 * bound of the rows written before the chain existed), the segment registered before it, where the
 * retention purge left it and its last sealed checkpoint.
 */
public record ChainSegment(
    long id,
    String node,
    LocalDateTime started,
    long previous,
    String seal,
    long legacyMaxId,
    long purgedSeq,
    String purgedHash,
    String purgeSeal,
    long checkpointSeq,
    String checkpointHash,
    String checkpointSeal) {

  /** The segment that only records which ids predate the chain. */
  public static final long LEGACY = 0;
}
