package org.countersign.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainVerificationTest {

  private static final byte[] KEY = new byte[32];
  private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 4, 10, 0, 0, 123_456_000);
  private final ChainMac mac = new ChainMac(KEY);
  private Store store;

  /** An in-memory audit table and segment table, written as the server writes them. */
  private final class Store implements ChainSource {
    final TreeMap<Long, ChainSegment> segments = new TreeMap<>();
    final List<ChainRow> rows = new ArrayList<>();
    final TreeMap<Long, String> heads = new TreeMap<>();
    final TreeMap<Long, Long> seqs = new TreeMap<>();
    long nextId = 1000;
    long legacyMax;

    Store(long legacyRows) {
      for (int i = 0; i < legacyRows; i++) {
        rows.add(row(++nextId, null, null, null, "legacy"));
      }
      legacyMax = nextId;
      segments.put(
          0L,
          new ChainSegment(
              0,
              "legacy",
              T0,
              0,
              mac.legacySeal(legacyMax),
              legacyMax,
              0,
              null,
              null,
              0,
              null,
              null));
    }

    long open() {
      long id = segments.lastKey() + 1;
      long previous = segments.lastKey();
      String seal = mac.segmentSeal(id, "node", T0, previous);
      segments.put(
          id,
          new ChainSegment(
              id,
              "node",
              T0,
              previous,
              seal,
              0,
              0,
              null,
              null,
              0,
              seal,
              mac.checkpointSeal(id, 0, seal)));
      heads.put(id, seal);
      seqs.put(id, 0L);
      return id;
    }

    ChainRow append(long segment, String action) {
      long seq = seqs.get(segment) + 1;
      ChainRow unsigned = row(++nextId, segment, seq, null, action);
      ChainRow r = withHash(unsigned, mac.link(heads.get(segment), unsigned));
      rows.add(r);
      heads.put(segment, r.hash());
      seqs.put(segment, seq);
      return r;
    }

    void checkpoint(long segment) {
      ChainSegment s = segments.get(segment);
      long seq = seqs.get(segment);
      String hash = heads.get(segment);
      segments.put(
          segment,
          new ChainSegment(
              s.id(),
              s.node(),
              s.started(),
              s.previous(),
              s.seal(),
              0,
              s.purgedSeq(),
              s.purgedHash(),
              s.purgeSeal(),
              seq,
              hash,
              mac.checkpointSeal(segment, seq, hash)));
    }

    /** What the retention purge does: deletes up to a row and seals where the segment starts. */
    void purge(long segment, long upTo) {
      ChainRow last =
          rows.stream()
              .filter(r -> r.segment() != null && r.segment() == segment && r.seq() == upTo)
              .findFirst()
              .orElseThrow();
      rows.removeIf(r -> r.segment() != null && r.segment() == segment && r.seq() <= upTo);
      ChainSegment s = segments.get(segment);
      segments.put(
          segment,
          new ChainSegment(
              s.id(),
              s.node(),
              s.started(),
              s.previous(),
              s.seal(),
              0,
              upTo,
              last.hash(),
              mac.purgeSeal(segment, upTo, last.hash()),
              s.checkpointSeq(),
              s.checkpointHash(),
              s.checkpointSeal()));
    }

    void replace(long id, ChainRow with) {
      rows.replaceAll(r -> r.id() == id ? with : r);
    }

    ChainRow get(long id) {
      return rows.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<ChainSegment> segments() {
      return List.copyOf(segments.values());
    }

    @Override
    public List<ChainRow> rows(long segment, long afterSeq, int limit) {
      return rows.stream()
          .filter(r -> r.segment() != null && r.segment() == segment && r.seq() > afterSeq)
          .sorted(Comparator.comparing(ChainRow::seq))
          .limit(limit)
          .toList();
    }

    @Override
    public long unchained(long legacyMaxId) {
      return rows.stream().filter(r -> r.segment() == null && r.id() <= legacyMaxId).count();
    }

    @Override
    public OptionalLong firstStray(long legacyMaxId) {
      return rows.stream()
          .filter(
              r ->
                  (r.segment() == null && r.id() > legacyMaxId)
                      || (r.segment() != null && !segments.containsKey(r.segment())))
          .mapToLong(ChainRow::id)
          .min();
    }
  }

  private static ChainRow row(long id, Long segment, Long seq, String hash, String action) {
    return new ChainRow(
        id,
        segment,
        seq,
        hash,
        T0.plusSeconds(id),
        action,
        "alice",
        "default",
        "HOTP1",
        "hotp",
        true,
        "ACCEPT",
        "127.0.0.1",
        null,
        null);
  }

  private static ChainRow withHash(ChainRow r, String hash) {
    return new ChainRow(
        r.id(),
        r.segment(),
        r.seq(),
        hash,
        r.at(),
        r.action(),
        r.username(),
        r.realm(),
        r.serial(),
        r.tokenType(),
        r.success(),
        r.result(),
        r.client(),
        r.actor(),
        r.info());
  }

  private static ChainRow withInfo(ChainRow r, String info) {
    return new ChainRow(
        r.id(),
        r.segment(),
        r.seq(),
        r.hash(),
        r.at(),
        r.action(),
        r.username(),
        r.realm(),
        r.serial(),
        r.tokenType(),
        r.success(),
        r.result(),
        r.client(),
        r.actor(),
        info);
  }

  private static ChainRow withSeq(ChainRow r, long seq) {
    return new ChainRow(
        r.id(),
        r.segment(),
        seq,
        r.hash(),
        r.at(),
        r.action(),
        r.username(),
        r.realm(),
        r.serial(),
        r.tokenType(),
        r.success(),
        r.result(),
        r.client(),
        r.actor(),
        r.info());
  }

  private ChainReport verify() {
    return new ChainVerification(mac, 3).verify(store);
  }

  /** Ten rows in one segment, over several pages of three. */
  private List<ChainRow> tenRows(long segment) {
    List<ChainRow> written = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      written.add(store.append(segment, "validate_check"));
    }
    return written;
  }

  @BeforeEach
  void emptyStore() {
    store = new Store(0);
  }

  @Test
  void anUntouchedChainIsValidAndEveryRowIsChecked() {
    tenRows(store.open());
    ChainReport r = verify();
    assertTrue(r.valid(), r.toString());
    assertEquals(10, r.checked());
    assertNull(r.firstBrokenId());
    assertNull(r.reason());
  }

  @Test
  void aModifiedRowIsTheFirstBrokenOne() {
    List<ChainRow> rows = tenRows(store.open());
    store.replace(rows.get(4).id(), withInfo(rows.get(4), "nothing happened"));
    store.replace(rows.get(7).id(), withInfo(rows.get(7), "nor here"));
    ChainReport r = verify();
    assertFalse(r.valid());
    assertEquals(rows.get(4).id(), r.firstBrokenId());
  }

  @Test
  void aDeletedRowBreaksTheChainAtTheRowAfterIt() {
    List<ChainRow> rows = tenRows(store.open());
    store.rows.remove(rows.get(3));
    ChainReport r = verify();
    assertFalse(r.valid());
    assertEquals(rows.get(4).id(), r.firstBrokenId());
  }

  @Test
  void anInsertedRowIsBroken() {
    long s = store.open();
    List<ChainRow> rows = tenRows(s);
    ChainRow forged = withHash(row(rows.get(9).id() + 1, s, 11L, null, "token_reset"), "00");
    store.rows.add(forged);
    assertEquals(forged.id(), verify().firstBrokenId());
    store.rows.remove(forged);
    ChainRow between = withHash(row(rows.get(2).id() + 1, s, 3L, null, "token_reset"), "00");
    store.rows.remove(rows.get(2));
    store.rows.add(between);
    assertEquals(between.id(), verify().firstBrokenId());
  }

  @Test
  void aRowWithoutChainFieldsAfterTheLegacyRowsIsBroken() {
    store = new Store(3);
    tenRows(store.open());
    ChainRow stray = row(5000, null, null, null, "token_reset");
    store.rows.add(stray);
    ChainReport r = verify();
    assertFalse(r.valid());
    assertEquals(5000L, r.firstBrokenId());
    assertEquals(3, r.unchained());
  }

  @Test
  void legacyRowsAreReportedAsUnchainedNotAsVerified() {
    store = new Store(4);
    tenRows(store.open());
    ChainReport r = verify();
    assertTrue(r.valid(), r.toString());
    assertEquals(4, r.unchained());
    assertEquals(10, r.checked());
  }

  @Test
  void raisingTheLegacyBoundIsDetected() {
    store = new Store(2);
    store.open();
    ChainSegment legacy = store.segments.get(0L);
    store.segments.put(
        0L,
        new ChainSegment(
            0,
            "legacy",
            T0,
            0,
            legacy.seal(),
            legacy.legacyMaxId() + 100,
            0,
            null,
            null,
            0,
            null,
            null));
    assertFalse(verify().valid());
  }

  @Test
  void reorderedRowsAreBroken() {
    List<ChainRow> rows = tenRows(store.open());
    ChainRow a = rows.get(5);
    ChainRow b = rows.get(6);
    store.replace(a.id(), withSeq(a, 7));
    store.replace(b.id(), withSeq(b, 6));
    ChainReport r = verify();
    assertFalse(r.valid());
    assertEquals(b.id(), r.firstBrokenId());
  }

  @Test
  void aPurgeIsNoTampering() {
    long s = store.open();
    List<ChainRow> rows = tenRows(s);
    store.checkpoint(s);
    store.purge(s, 6);
    ChainReport r = verify();
    assertTrue(r.valid(), r.toString());
    assertEquals(4, r.checked());
    store.purge(s, 10);
    assertTrue(verify().valid(), "a segment purged to its end");
    assertEquals(rows.size(), 10);
  }

  @Test
  void deletingTheOldestRowsWithoutThePurgeIsBroken() {
    long s = store.open();
    List<ChainRow> rows = tenRows(s);
    store.rows.removeAll(rows.subList(0, 4));
    assertEquals(rows.get(4).id(), verify().firstBrokenId());
  }

  @Test
  void aForgedPurgeFloorIsBroken() {
    long s = store.open();
    List<ChainRow> rows = tenRows(s);
    store.purge(s, 3);
    ChainSegment seg = store.segments.get(s);
    store.rows.removeAll(store.rows(s, 0, 2));
    store.segments.put(
        s,
        new ChainSegment(
            seg.id(),
            seg.node(),
            seg.started(),
            seg.previous(),
            seg.seal(),
            0,
            5,
            rows.get(4).hash(),
            seg.purgeSeal(),
            seg.checkpointSeq(),
            seg.checkpointHash(),
            seg.checkpointSeal()));
    assertFalse(verify().valid());
  }

  @Test
  void aTailTruncatedBeforeTheLastCheckpointIsBroken() {
    long s = store.open();
    List<ChainRow> rows = tenRows(s);
    store.checkpoint(s);
    store.rows.remove(rows.get(9));
    ChainReport r = verify();
    assertFalse(r.valid());
    assertNull(r.firstBrokenId(), "no row to name: the missing ones were at the end");
    assertTrue(r.reason().contains("checkpoint"), r.reason());
  }

  @Test
  void aTailTruncatedAfterTheLastCheckpointGoesUnnoticed() {
    long s = store.open();
    List<ChainRow> rows = tenRows(s);
    store.checkpoint(s);
    store.append(s, "validate_check");
    store.rows.remove(store.rows.size() - 1);
    assertTrue(verify().valid(), "the documented limit of checkpoints");
    assertEquals(10, rows.size());
  }

  @Test
  void severalSegmentsVerifyEachInItsOwnOrder() {
    long a = store.open();
    long b = store.open();
    List<ChainRow> written = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      written.add(store.append(i % 2 == 0 ? a : b, "validate_check"));
      written.add(store.append(b, "validate_check"));
    }
    ChainReport r = verify();
    assertTrue(r.valid(), r.toString());
    assertEquals(14, r.checked());
    ChainRow lowestOfB = written.get(1);
    ChainRow laterOfA = written.get(4);
    store.replace(laterOfA.id(), withInfo(laterOfA, "x"));
    store.replace(written.get(9).id(), withInfo(written.get(9), "y"));
    assertEquals(laterOfA.id(), verify().firstBrokenId(), "the smallest id over all segments");
    assertEquals(b, lowestOfB.segment());
  }

  @Test
  void aRowMovedToAnotherSegmentIsBroken() {
    long a = store.open();
    long b = store.open();
    tenRows(a);
    ChainRow r = store.append(b, "token_init");
    store.replace(
        r.id(),
        new ChainRow(
            r.id(),
            a,
            11L,
            r.hash(),
            r.at(),
            r.action(),
            r.username(),
            r.realm(),
            r.serial(),
            r.tokenType(),
            r.success(),
            r.result(),
            r.client(),
            r.actor(),
            r.info()));
    assertEquals(r.id(), verify().firstBrokenId());
  }

  @Test
  void aDeletedSegmentInTheMiddleIsBroken() {
    long a = store.open();
    long b = store.open();
    long c = store.open();
    tenRows(a);
    List<ChainRow> ofB = tenRows(b);
    List<ChainRow> ofC = tenRows(c);
    store.rows.removeAll(ofB);
    store.segments.remove(b);
    ChainReport r = verify();
    assertFalse(r.valid());
    assertEquals(ofC.get(0).id(), r.firstBrokenId());
  }

  @Test
  void anotherKeyVerifiesNothing() {
    tenRows(store.open());
    byte[] other = new byte[32];
    other[0] = 1;
    assertFalse(new ChainVerification(new ChainMac(other), 3).verify(store).valid());
  }

  @Test
  void aLinkCoversTimesToTheMicrosecondOnly() {
    ChainRow r = row(1, 1L, 1L, null, "a");
    ChainRow nanos =
        new ChainRow(
            1,
            1L,
            1L,
            null,
            r.at().plusNanos(999),
            r.action(),
            r.username(),
            r.realm(),
            r.serial(),
            r.tokenType(),
            r.success(),
            r.result(),
            r.client(),
            r.actor(),
            r.info());
    assertEquals(mac.link("p", r), mac.link("p", nanos));
    assertFalse(mac.link("p", r).equals(mac.link("p", withInfo(r, ""))), "null is not empty");
  }
}
