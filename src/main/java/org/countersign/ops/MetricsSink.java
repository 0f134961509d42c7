package org.countersign.ops;

import java.time.Duration;

/**
 * Where {@link Outcomes} sends what it counts. The one implementation uses MicroProfile Metrics; a
 * server without it (WildFly 39) cannot load that class, no sink resolves, and nothing is counted.
 */
public interface MetricsSink {

  /** Adds one to the counter {@code name} with these tag name/value pairs. */
  void count(String name, String... tags);

  /** Adds {@code amount} to the counter {@code name} with these tag name/value pairs. */
  void add(String name, long amount, String... tags);

  /** Records one duration in the timer {@code name}. */
  void time(String name, Duration duration);

  /**
   * Registers the counter {@code name} with these tag name/value pairs at zero, if it does not
   * exist yet.
   */
  void declareCounter(String name, String... tags);

  /** Registers the timer {@code name} with no samples, if it does not exist yet. */
  void declareTimer(String name);
}
