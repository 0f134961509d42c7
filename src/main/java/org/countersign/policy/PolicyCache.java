package org.countersign.policy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The active policies, compiled, as this node last read them. A request never waits on the database for them:
 * at most once a second one request reads the version number (one row), and only when it has changed are the
 * policies read again; meanwhile every other request uses the snapshot it has. A change made on this node is seen
 * by the next request after its commit, one made on another node within about a second.
 */
@ApplicationScoped
public class PolicyCache {

  private static final long RECHECK_NANOS = 1_000_000_000L;

  @Inject PolicyStore store;
  @Resource TransactionSynchronizationRegistry transactions;

  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Snapshot snapshot = new Snapshot(-1, List.of(), 0);
  private volatile boolean stale = true;

  private record Snapshot(long version, List<CompiledPolicy> policies, long checkedAt) {}

  /** The active policies, best priority first. */
  List<CompiledPolicy> active() {
    Snapshot s = snapshot;
    if ((stale || System.nanoTime() - s.checkedAt() > RECHECK_NANOS) && refreshing.tryLock()) {
      try {
        s = refresh(snapshot);
      } finally {
        refreshing.unlock();
      }
    }
    return s.policies();
  }

  /** Makes the next request read the policies again, once the current transaction has committed. */
  void changedInThisTransaction() {
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          stale = true;
        }
      }
    });
  }

  private Snapshot refresh(Snapshot old) {
    stale = false;
    long version = store.version();
    Snapshot fresh = version == old.version() && old.checkedAt() != 0
        ? new Snapshot(version, old.policies(), System.nanoTime())
        : new Snapshot(version, load(), System.nanoTime());
    snapshot = fresh;
    return fresh;
  }

  private List<CompiledPolicy> load() {
    return store.all().stream()
        .filter(Policy::active)
        .sorted(Comparator.comparingInt(Policy::priority).thenComparing(Policy::name))
        .map(CompiledPolicy::of)
        .toList();
  }
}
