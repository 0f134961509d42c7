package org.countersign.ops;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults of this application for the server's MicroProfile Metrics and OpenAPI, at a low ordinal
 * so that any other source (system properties, environment, microprofile-config.properties)
 * overrides them:
 *
 * <ul>
 *   <li>histogram buckets for the latency of {@code /validate/check}, so that Prometheus gets
 *       {@code _bucket} series it can aggregate across instances;
 *   <li>{@code /openapi} serves {@code META-INF/openapi.yaml} alone: the resources take their
 *       parameters from query, form or JSON alike, which a scan of the JAX-RS signatures cannot
 *       describe (and its guesses would replace the written operations).
 * </ul>
 */
public class OpsDefaults implements ConfigSource {

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "mp.metrics.distribution.timer.buckets",
          Outcomes.CHECK_DURATION + "=5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s",
          "mp.openapi.scan.disable",
          "true");

  @Override
  public Set<String> getPropertyNames() {
    return DEFAULTS.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return DEFAULTS.get(propertyName);
  }

  @Override
  public String getName() {
    return "countersign-operations-defaults";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}
