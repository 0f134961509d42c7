package org.countersign.policy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The active policies, compiled, as this node last read them. A request never waits on the database
 * for them: at most once a second one request reads the version number (one row), and only when it
 * has changed are the policies read again; meanwhile every other request uses the snapshot it has.
 * A change made on this node is seen by the next request after its commit, one made on another node
 * within about a second.
 */
@ApplicationScoped
public class PolicyCache {

  private static final long RECHECK_NANOS = 1_000_000_000L;

  @Inject PolicyStore store;
  @Resource TransactionSynchronizationRegistry transactions;

  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Snapshot snapshot = new Snapshot(-1, List.of(), Set.of(), 0);
  private volatile boolean stale = true;

  /** The active policies and the names of every action they set, as read at one version. */
  private record Snapshot(
      long version, List<CompiledPolicy> policies, Set<String> actions, long checkedAt) {}

  /** The active policies, best priority first. */
  List<CompiledPolicy> active() {
    return current().policies();
  }

  /** Whether any active policy sets this action: when none does, a caller need not match at all. */
  boolean anySets(String action) {
    return current().actions().contains(action);
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if ((stale || System.nanoTime() - s.checkedAt() > RECHECK_NANOS) && refreshing.tryLock()) {
      try {
        s = refresh(snapshot);
      } finally {
        refreshing.unlock();
      }
    }
    return s;
  }

  /** Makes the next request read the policies again, once the current transaction has committed. */
  void changedInThisTransaction() {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
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
    Snapshot fresh;
    if (version == old.version() && old.checkedAt() != 0) {
      fresh = new Snapshot(version, old.policies(), old.actions(), System.nanoTime());
    } else {
      List<CompiledPolicy> loaded = load();
      Set<String> actions = new HashSet<>();
      loaded.forEach(p -> actions.addAll(p.policy().actions().keySet()));
      fresh = new Snapshot(version, loaded, Set.copyOf(actions), System.nanoTime());
    }
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
