package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code countersign.metrics.token} closes {@code /metrics} to every scraper without that bearer
 * token, whatever the spelling of the path, while the health checks stay open for the load
 * balancer. The node is one of its own, so its first scrape comes before any check: every check
 * counter is there already, at zero.
 */
class MetricsTokenIT {

  private static final String TOKEN = "scrape-" + Long.toHexString(System.nanoTime());
  private static ClusterNode node;

  @BeforeAll
  static void start() {
    node =
        OwnServer.fresh("metrics-token", Map.of("countersign.metrics.token", TOKEN)).node().start();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aFreshServerShowsEveryCheckOutcomeAndEnrolmentCounterAtZero() {
    Api.Reply r = scrape("/metrics", "Bearer " + TOKEN);
    assertEquals(200, r.status(), r.body());
    for (String outcome : List.of("accept", "reject", "replay", "lockout")) {
      assertEquals(
          0.0,
          sample(r.body(), "countersign_validate_check_total", "outcome=\"" + outcome + "\""),
          outcome + " in " + r.body());
    }
    for (String type : List.of("hotp", "totp", "tiqr")) {
      assertEquals(
          0.0, sample(r.body(), "countersign_enrolments_total", "type=\"" + type + "\""), type);
    }
    assertEquals(
        0.0, sample(r.body(), "countersign_validate_check_duration_seconds_count", ""), r.body());
  }

  @Test
  void withoutTheTokenMetricsAnswer401() {
    for (String path :
        List.of(
            "/metrics",
            "/metrics/",
            "/metrics?scope=application",
            "/metrics/base",
            "/metrics;x=1",
            "//metrics")) {
      Api.Reply r = scrape(path, null);
      assertEquals(401, r.status(), path + ": " + r.body());
      assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), path);
      assertFalse(r.body().contains("countersign_"), path);
    }
  }

  @Test
  void aWrongTokenOrAnotherSchemeAnswers401() {
    for (String authorization :
        List.of(
            "Bearer " + TOKEN + "x",
            "Bearer " + TOKEN.substring(1),
            "Bearer ",
            "Basic " + TOKEN,
            TOKEN)) {
      Api.Reply r = scrape("/metrics", authorization);
      assertEquals(401, r.status(), authorization);
      assertFalse(r.body().contains("countersign_"), authorization);
    }
  }

  @Test
  void theRightTokenGetsThePrometheusText() {
    Api.Reply r = scrape("/metrics?scope=application", "Bearer " + TOKEN);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("countersign_validate_check_total"), r.body());
  }

  @Test
  void healthStaysOpen() {
    assertEquals(200, scrape("/health/ready", null).status());
  }

  @Test
  void refusesToStartWithATokenWhenMetricsAreServedOutsideTheApplication() {
    OwnServer own =
        OwnServer.fresh("metrics-token-subpath", Map.of("countersign.metrics.token", TOKEN));
    own.node().contextRoot("/mfa");
    String log = own.refusal();
    assertEquals(
        1,
        log.lines()
            .filter(l -> l.contains("Countersign cannot start: 'countersign.metrics.token'"))
            .count(),
        log);
    assertFalse(log.contains(TOKEN), "the log never repeats the token");
  }

  private static Api.Reply scrape(String path, String authorization) {
    Api api = node.api();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
            .header("Accept", "text/plain")
            .GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return api.send(b);
  }

  /**
   * The value of the first sample of {@code name} whose labels contain {@code labels}; fails when
   * absent.
   */
  private static double sample(String text, String name, String labels) {
    var m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
            .matcher(text);
    while (m.find()) {
      if (labels.isEmpty() || (m.group(1) != null && m.group(1).contains(labels))) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("no sample " + name + "{" + labels + "}");
  }
}
