/**
 * Operations: MicroProfile Health checks ({@code /health/live}, {@code /health/ready}, {@code
 * /health/started}), the counters and the latency histogram served at {@code /metrics}, and the
 * optional JSON and access logs.
 *
 * <p>The core reports what happened through {@link org.countersign.ops.Outcomes}; where the server
 * has no MicroProfile Metrics (WildFly 39), the metrics bean cannot load and the outcomes go
 * nowhere.
 */
package org.countersign.ops;
