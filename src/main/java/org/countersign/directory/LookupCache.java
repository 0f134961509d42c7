package org.countersign.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded cache of user look-ups that forgets an entry after its time to live; with a zero time
 * to live it keeps nothing. The least recently used entry goes first when it is full.
 */
final class LookupCache<V> {

  private record Entry<V>(V value, Instant expires) {}

  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry<V>> entries;

  LookupCache(Duration ttl, int capacity, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<V> get(String key) {
    Entry<V> e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(e.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(e.value());
  }

  synchronized void put(String key, V value) {
    if (!ttl.isZero()) {
      entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    }
  }

  synchronized void remove(String key) {
    entries.remove(key);
  }

  synchronized int size() {
    return entries.size();
  }
}
