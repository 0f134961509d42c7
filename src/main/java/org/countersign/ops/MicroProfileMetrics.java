package org.countersign.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The metrics sink on servers with MicroProfile Metrics (Payara): counters and timers in the
 * application registry, served in Prometheus text at {@code /metrics}. On a server without the API
 * this class does not load, which CDI reports once at deployment and otherwise ignores.
 *
 * <p>Each metric is registered once, under a lock, and then kept: Payara's registry is not safe
 * when many requests register the same new timer at the same moment (a burst of checks right after
 * start).
 */
@ApplicationScoped
public class MicroProfileMetrics implements MetricsSink {

  @Inject MetricRegistry registry;

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  @Override
  public void count(String name, String... tags) {
    counter(name, tags).inc();
  }

  @Override
  public void add(String name, long amount, String... tags) {
    counter(name, tags).inc(amount);
  }

  @Override
  public void time(String name, Duration duration) {
    timer(name).update(duration);
  }

  @Override
  public void declareCounter(String name, String... tags) {
    counter(name, tags);
  }

  @Override
  public void declareTimer(String name) {
    timer(name);
  }

  private Counter counter(String name, String... tags) {
    String key = name + Arrays.toString(tags);
    Counter counter = counters.get(key);
    if (counter == null) {
      synchronized (this) {
        counter = counters.computeIfAbsent(key, k -> registry.counter(name, tags(tags)));
      }
    }
    return counter;
  }

  private Timer timer(String name) {
    Timer timer = timers.get(name);
    if (timer == null) {
      synchronized (this) {
        timer =
            timers.computeIfAbsent(
                name,
                k ->
                    registry.timer(
                        Metadata.builder()
                            .withName(name)
                            .withUnit(MetricUnits.SECONDS)
                            .withDescription("Time to answer /validate/check")
                            .build()));
      }
    }
    return timer;
  }

  private static Tag[] tags(String... pairs) {
    Tag[] tags = new Tag[pairs.length / 2];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
    }
    return tags;
  }
}
