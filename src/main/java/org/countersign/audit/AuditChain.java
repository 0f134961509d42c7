package org.countersign.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.crypto.KeyRing;
import org.countersign.ops.Outcomes;

/**
 * This node's segment of the audit chain and its head. Each start opens a new segment; each audit
 * row takes the next place in it and links to the row before, inside the row's own transaction.
 *
 * <p>A transaction's first audit row takes the node's chain lock and keeps it until the transaction
 * has completed (an interposed synchronization releases it in {@code afterCompletion}), so rows
 * link in the order they commit; a rollback puts the head back where the transaction found it, so
 * no committed row ever links to one that was never committed. Before taking the lock the
 * transaction flushes its pending changes, so that under the lock it only inserts its audit rows
 * and commits: it never waits there for a row lock that a transaction queued behind the chain lock
 * could hold. Nodes never share a lock: each writes its own segment.
 */
@ApplicationScoped
public class AuditChain {

  private static final Logger LOG = Logger.getLogger(AuditChain.class.getName());
  private static final Object TX_KEY = AuditChain.class;
  private static final long LOCK_WAIT_SECONDS = 10;

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;
  @Inject KeyRing keys;
  @Inject Clock clock;
  @Inject Outcomes outcomes;

  /** The place of the last row in the segment and its link. */
  record Head(long seq, String hash) {}

  private final Semaphore lock = new Semaphore(1);
  private volatile long segment = -1;
  private volatile ChainMac mac;

  /** Changed only by the holder of the lock. */
  private volatile Head head;

  /** The head as of the last commit: what a checkpoint may seal. */
  private volatile Head committed;

  private volatile long checkpointed;

  /**
   * Opens this node's segment for this start; also seals the bound of the rows that predate the
   * chain on the first start after the migration. Called once by the bootstrap, after the key.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void open() {
    ChainMac m = mac();
    sealLegacyBound(m);
    long id =
        ((Number) em.createNativeQuery("SELECT nextval('cs_audit_segment_seq')").getSingleResult())
            .longValue();
    Long before =
        em.createQuery("SELECT MAX(s.id) FROM AuditSegment s WHERE s.id < :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    AuditSegment s =
        new AuditSegment(id, nodeName(), LocalDateTime.now(clock), before == null ? 0 : before, m);
    em.persist(s);
    this.mac = m;
    this.head = new Head(0, s.seal());
    this.committed = head;
    this.checkpointed = 0;
    this.segment = id;
    LOG.log(Level.INFO, "Audit chain segment {0} opened", id);
  }

  private ChainMac mac() {
    ChainMac m = mac;
    return m != null ? m : new ChainMac(keys.auditChainKey());
  }

  /**
   * The migration could not seal the bound of the old rows, having no key; the first start does,
   * and only while no segment exists yet, so clearing the seal later cannot get it sealed anew.
   */
  private void sealLegacyBound(ChainMac m) {
    AuditSegment legacy = em.find(AuditSegment.class, ChainSegment.LEGACY);
    if (legacy == null || legacy.seal() != null) {
      return;
    }
    long others =
        em.createQuery("SELECT COUNT(s) FROM AuditSegment s WHERE s.id <> 0", Long.class)
            .getSingleResult();
    if (others == 0) {
      em.createQuery("UPDATE AuditSegment s SET s.seal = :seal WHERE s.id = 0 AND s.seal IS NULL")
          .setParameter("seal", m.legacySeal(legacy.view().legacyMaxId()))
          .executeUpdate();
    }
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown";
    }
    String name = host + "/" + ProcessHandle.current().pid();
    return name.length() <= 64 ? name : name.substring(0, 64);
  }

  /** Persists the entry as the next row of this node's segment, in the caller's transaction. */
  void append(AuditEntry entry) {
    if (segment < 0) {
      throw new IllegalStateException(
          "The audit chain is not open: the start-up did not complete.");
    }
    Linking tx = (Linking) transactions.getResource(TX_KEY);
    if (tx == null) {
      em.flush();
      acquire();
      try {
        tx = new Linking(head);
        transactions.registerInterposedSynchronization(tx);
        transactions.putResource(TX_KEY, tx);
      } catch (RuntimeException e) {
        lock.release();
        throw e;
      }
    }
    em.persist(entry);
    Head h = head;
    entry.chain(segment, h.seq() + 1, mac, h.hash());
    head = new Head(h.seq() + 1, entry.chainHash());
    if (entry.byAdministrator()) {
      tx.adminActions.add(entry.action());
    }
  }

  private void acquire() {
    try {
      if (!lock.tryAcquire(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The audit chain stayed busy for too long.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the audit chain.", e);
    }
  }

  /** One transaction's hold on the chain: where it found the head, and what it did. */
  private final class Linking implements Synchronization {
    private final Head start;
    private final List<String> adminActions = new ArrayList<>(0);

    Linking(Head start) {
      this.start = start;
    }

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      try {
        if (status == Status.STATUS_COMMITTED) {
          committed = head;
          adminActions.forEach(outcomes::adminAction);
        } else {
          head = start;
        }
      } finally {
        lock.release();
      }
    }
  }

  /**
   * Seals the last committed head of this node's segment into its row, so that a verification
   * notices rows up to it that went missing from the end. Run by the minute timer; needs no lock,
   * since a committed head stays valid.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void checkpoint() {
    Head c = committed;
    if (segment < 0 || c == null || c.seq() <= checkpointed) {
      return;
    }
    em.createQuery(
            "UPDATE AuditSegment s SET s.checkpointSeq = :seq, s.checkpointHash = :hash,"
                + " s.checkpointAt = :at, s.checkpointSeal = :seal"
                + " WHERE s.id = :id AND s.checkpointSeq < :seq")
        .setParameter("seq", c.seq())
        .setParameter("hash", c.hash())
        .setParameter("at", LocalDateTime.now(clock))
        .setParameter("seal", mac.checkpointSeal(segment, c.seq(), c.hash()))
        .setParameter("id", segment)
        .executeUpdate();
    checkpointed = c.seq();
  }

  /**
   * Deletes the rows older than the cutoff and records, sealed, where each segment now starts. A
   * segment is purged up to its newest old row, and only when that row still matches its link, so
   * that back-dating a recent row cannot turn its deletion into a purge.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int purgeBefore(LocalDateTime cutoff) {
    int purged =
        em.createQuery("DELETE FROM AuditEntry a WHERE a.segment IS NULL AND a.at < :cutoff")
            .setParameter("cutoff", cutoff)
            .executeUpdate();
    List<Object[]> tops =
        em.createQuery(
                "SELECT a.segment, MAX(a.seq) FROM AuditEntry a"
                    + " WHERE a.segment IS NOT NULL AND a.at < :cutoff GROUP BY a.segment",
                Object[].class)
            .setParameter("cutoff", cutoff)
            .getResultList();
    ChainMac m = mac();
    for (Object[] top : tops) {
      purged += purgeSegment(((Number) top[0]).longValue(), ((Number) top[1]).longValue(), m);
    }
    return purged;
  }

  private int purgeSegment(long id, long upTo, ChainMac m) {
    AuditSegment s = em.find(AuditSegment.class, id);
    List<AuditEntry> pair =
        em.createQuery(
                "SELECT a FROM AuditEntry a WHERE a.segment = :s AND a.seq BETWEEN :from AND :to"
                    + " ORDER BY a.seq",
                AuditEntry.class)
            .setParameter("s", id)
            .setParameter("from", upTo - 1)
            .setParameter("to", upTo)
            .getResultList();
    if (s == null || pair.isEmpty() || upTo <= s.view().purgedSeq()) {
      return 0;
    }
    ChainSegment view = s.view();
    AuditEntry last = pair.get(pair.size() - 1);
    String previous =
        upTo == 1
            ? view.seal()
            : upTo - 1 == view.purgedSeq()
                ? view.purgedHash()
                : pair.size() == 2 ? pair.get(0).chainHash() : null;
    if (previous == null || !ChainMac.same(last.chainHash(), m.link(previous, last.row()))) {
      LOG.log(
          Level.WARNING,
          "Audit segment {0} is not purged: its newest old row does not match its link",
          id);
      return 0;
    }
    int n =
        em.createQuery("DELETE FROM AuditEntry a WHERE a.segment = :s AND a.seq <= :to")
            .setParameter("s", id)
            .setParameter("to", upTo)
            .executeUpdate();
    em.createQuery(
            "UPDATE AuditSegment s SET s.purgedSeq = :seq, s.purgedHash = :hash,"
                + " s.purgeSeal = :seal WHERE s.id = :id AND s.purgedSeq < :seq")
        .setParameter("seq", upTo)
        .setParameter("hash", last.chainHash())
        .setParameter("seal", m.purgeSeal(id, upTo, last.chainHash()))
        .setParameter("id", id)
        .executeUpdate();
    return n;
  }
}
