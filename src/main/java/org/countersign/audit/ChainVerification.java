package org.countersign.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Verifies the audit chain: each segment's seals, then its rows in sequence order, each linked to
 * the one before (or to the purge floor, or to the segment's seal), then that the segment reaches
 * its last sealed checkpoint; and that no row sits outside every segment. Pure: all it reads comes
 * from the {@link ChainSource}, so the server and the command-line check give the same answer.
 *
 * <pre>{@code
 * ChainReport report = new ChainVerification(new ChainMac(key), 500).verify(source);
 * }</pre>
 */
public final class ChainVerification {

  private final ChainMac mac;
  private final int pageSize;

  public ChainVerification(ChainMac mac, int pageSize) {
    this.mac = mac;
    this.pageSize = pageSize;
  }

  private record Break(Long id, String reason) {}

  public ChainReport verify(ChainSource source) {
    List<ChainSegment> segments = source.segments();
    Set<Long> ids = new HashSet<>();
    segments.forEach(s -> ids.add(s.id()));
    long legacyMax =
        segments.stream()
            .filter(s -> s.id() == ChainSegment.LEGACY)
            .findFirst()
            .filter(s -> ChainMac.same(s.seal(), mac.legacySeal(s.legacyMaxId())))
            .map(ChainSegment::legacyMaxId)
            .orElse(0L);
    long[] checked = {0};
    Break first = null;
    if (!ids.contains(ChainSegment.LEGACY)) {
      first = earlier(first, new Break(null, "the record of the rows before the chain is missing"));
    }
    for (ChainSegment segment : segments) {
      Optional<Break> b = verify(segment, ids, source, checked);
      if (b.isPresent()) {
        first = earlier(first, b.get());
      }
    }
    OptionalLong stray = source.firstStray(legacyMax);
    if (stray.isPresent()) {
      first = earlier(first, new Break(stray.getAsLong(), "a row outside every segment"));
    }
    long unchained = source.unchained(legacyMax);
    return first == null
        ? new ChainReport(true, checked[0], null, unchained, null)
        : new ChainReport(false, checked[0], first.id(), unchained, first.reason());
  }

  private static Break earlier(Break a, Break b) {
    if (a == null) {
      return b;
    }
    if (a.id() == null) {
      return b.id() == null ? a : b;
    }
    return b.id() != null && b.id() < a.id() ? b : a;
  }

  private Optional<Break> verify(
      ChainSegment s, Set<Long> ids, ChainSource source, long[] checked) {
    List<ChainRow> head = source.rows(s.id(), Long.MIN_VALUE, pageSize);
    Long firstRow = head.isEmpty() ? null : head.get(0).id();
    if (s.id() == ChainSegment.LEGACY) {
      if (!ChainMac.same(s.seal(), mac.legacySeal(s.legacyMaxId()))) {
        return Optional.of(new Break(null, "the record of the rows before the chain is altered"));
      }
      return head.isEmpty()
          ? Optional.empty()
          : Optional.of(new Break(firstRow, "a row in the record of the rows before the chain"));
    }
    String where = "segment " + s.id() + ": ";
    if (!ChainMac.same(s.seal(), mac.segmentSeal(s.id(), s.node(), s.started(), s.previous()))) {
      return Optional.of(new Break(firstRow, where + "its seal does not match"));
    }
    if (!ids.contains(s.previous()) || s.previous() >= s.id()) {
      return Optional.of(new Break(firstRow, where + "the segment before it is missing"));
    }
    if (!ChainMac.same(
        s.checkpointSeal(), mac.checkpointSeal(s.id(), s.checkpointSeq(), s.checkpointHash()))) {
      return Optional.of(new Break(firstRow, where + "its checkpoint seal does not match"));
    }
    String previous = s.seal();
    long expected = 1;
    if (s.purgedSeq() > 0) {
      if (!ChainMac.same(s.purgeSeal(), mac.purgeSeal(s.id(), s.purgedSeq(), s.purgedHash()))) {
        return Optional.of(new Break(firstRow, where + "its purge seal does not match"));
      }
      previous = s.purgedHash();
      expected = s.purgedSeq() + 1;
    }
    if (s.checkpointSeq() == expected - 1 && !ChainMac.same(s.checkpointHash(), previous)) {
      return Optional.of(new Break(firstRow, where + "the checkpoint does not match"));
    }
    List<ChainRow> page = head;
    while (!page.isEmpty()) {
      for (ChainRow r : page) {
        checked[0]++;
        if (r.seq() == null || r.seq() != expected) {
          return Optional.of(
              new Break(
                  r.id(),
                  where
                      + (r.seq() != null && r.seq() < expected
                          ? "a row out of place"
                          : "rows before this one are missing")));
        }
        if (!ChainMac.same(r.hash(), mac.link(previous, r))) {
          return Optional.of(new Break(r.id(), where + "the row does not match its link"));
        }
        if (r.seq() == s.checkpointSeq() && !ChainMac.same(r.hash(), s.checkpointHash())) {
          return Optional.of(new Break(r.id(), where + "the row does not match the checkpoint"));
        }
        previous = r.hash();
        expected++;
      }
      page =
          page.size() < pageSize
              ? List.of()
              : source.rows(s.id(), page.get(page.size() - 1).seq(), pageSize);
    }
    if (s.checkpointSeq() > expected - 1) {
      return Optional.of(
          new Break(null, where + "rows up to its last checkpoint are missing at its end"));
    }
    return Optional.empty();
  }
}
