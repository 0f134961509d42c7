package org.countersign.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where a verification reads the chain: the server reads through JPA, the command-line check
 * through JDBC, the tests from memory. Rows come in pages so that no reader holds the whole trail.
 */
public interface ChainSource {

  List<ChainSegment> segments();

  /**
   * Up to {@code limit} rows of the segment with a sequence number above {@code afterSeq}, in
   * order.
   */
  List<ChainRow> rows(long segment, long afterSeq, int limit);

  /** How many rows carry no chain fields and have ids up to the legacy bound. */
  long unchained(long legacyMaxId);

  /**
   * The smallest id of a row that belongs to no known segment: one without chain fields above the
   * legacy bound, or one naming a segment that does not exist.
   */
  OptionalLong firstStray(long legacyMaxId);
}
