package org.countersign.resolver;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.directory.LdapDirectory;

/**
 * This node's view of the resolvers and realms, and its open directory per LDAP resolver. As {@code
 * PolicyCache} does for policies, at most once a second one request reads the version number (one
 * row); only when another node (or this one) changed something are resolvers and realms read again,
 * and only the directories whose configuration changed are closed and opened anew, so the others
 * keep their connections and caches.
 */
@ApplicationScoped
public class DirectoryPool {

  private static final Logger LOG = Logger.getLogger(DirectoryPool.class.getName());
  private static final long RECHECK_NANOS = 1_000_000_000L;

  @Inject ResolverStore store;
  @Inject Resolvers resolvers;
  @Inject Clock clock;
  @Resource TransactionSynchronizationRegistry transactions;

  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Snapshot snapshot = Snapshot.EMPTY;
  private volatile boolean stale = true;

  /** An opened directory with what it was built from, to tell whether a change concerns it. */
  private record Open(Resolver resolver, Optional<String> sealed, LdapDirectory directory) {}

  /** Resolvers, realms and directories as read at one version. */
  record Snapshot(
      long version,
      Map<String, Resolver> resolvers,
      Map<String, Realm> realms,
      Map<String, Open> directories,
      Map<String, String> broken,
      long checkedAt) {
    static final Snapshot EMPTY = new Snapshot(-1, Map.of(), Map.of(), Map.of(), Map.of(), 0);
  }

  /** The directory of this LDAP resolver, or empty when there is none (or it is misconfigured). */
  public Optional<LdapDirectory> directory(String resolver) {
    return Optional.ofNullable(current().directories().get(resolver)).map(Open::directory);
  }

  /** The stored realms by name. */
  Map<String, Realm> realms() {
    return current().realms();
  }

  /** The stored resolvers by name. */
  Map<String, Resolver> resolvers() {
    return current().resolvers();
  }

  /** How this node sees a stored LDAP resolver. */
  public enum DirectoryState {
    /** Its directory answered a probe within its TIMEOUT. */
    UP,
    /** Its directory did not answer. */
    DOWN,
    /** It cannot be opened on this node (e.g. its CA file is missing). */
    MISCONFIGURED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Every stored LDAP resolver's state on this node, by name; probes each open directory once. */
  public Map<String, DirectoryState> states() {
    Snapshot s = current();
    Map<String, DirectoryState> out = new java.util.TreeMap<>();
    s.directories()
        .forEach(
            (name, o) ->
                out.put(name, o.directory().reachable() ? DirectoryState.UP : DirectoryState.DOWN));
    s.broken().keySet().forEach(name -> out.put(name, DirectoryState.MISCONFIGURED));
    return out;
  }

  /** Makes the next request read everything again, once the current transaction has committed. */
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

  @PreDestroy
  void closeAll() {
    snapshot.directories().values().forEach(o -> o.directory().close());
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if ((stale || System.nanoTime() - s.checkedAt() > RECHECK_NANOS) && refreshing.tryLock()) {
      try {
        s = refresh(snapshot);
      } finally {
        refreshing.unlock();
      }
    } else if (s.version() < 0) {
      // the first requests wait for the first read rather than see no realms at all
      refreshing.lock();
      try {
        s = snapshot.version() < 0 ? refresh(snapshot) : snapshot;
      } finally {
        refreshing.unlock();
      }
    }
    return s;
  }

  private Snapshot refresh(Snapshot old) {
    stale = false;
    long version = store.version();
    if (version == old.version()) {
      Snapshot same =
          new Snapshot(
              version,
              old.resolvers(),
              old.realms(),
              old.directories(),
              old.broken(),
              System.nanoTime());
      snapshot = same;
      return same;
    }
    Map<String, Resolver> byName = new LinkedHashMap<>();
    Map<String, Open> open = new HashMap<>();
    Map<String, String> broken = new HashMap<>();
    for (ResolverRow row : store.resolvers()) {
      Resolver r = row.toResolver();
      byName.put(r.name(), r);
      Open before = old.directories().get(r.name());
      if (before != null
          && before.resolver().equals(r)
          && Objects.equals(before.sealed(), row.sealedPassword())) {
        open.put(r.name(), before);
        continue;
      }
      try {
        LdapDirectory d =
            new LdapDirectory(
                r.name(), Resolvers.config(r.data()), resolvers.opened(row).orElse(""), clock);
        open.put(r.name(), new Open(r, row.sealedPassword(), d));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Resolver {0} cannot be opened: {1}", new Object[] {r.name(), e});
        broken.put(r.name(), e.getMessage());
      }
    }
    Map<String, Realm> realms = new LinkedHashMap<>();
    store.realms().forEach(row -> realms.put(row.name(), row.toRealm()));
    Snapshot fresh =
        new Snapshot(
            version,
            Map.copyOf(byName),
            Map.copyOf(realms),
            Map.copyOf(open),
            Map.copyOf(broken),
            System.nanoTime());
    snapshot = fresh;
    old.directories()
        .forEach(
            (name, o) -> {
              if (fresh.directories().get(name) != o) {
                o.directory().close();
              }
            });
    return fresh;
  }

  /** The names of all stored LDAP resolvers in this snapshot, in name order. */
  List<String> ldapNames() {
    return current().resolvers().keySet().stream().sorted().toList();
  }
}
