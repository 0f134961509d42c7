package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators poll: MicroProfile Health at {@code /health/*}, Prometheus metrics at {@code
 * /metrics} and the API description at {@code /openapi}, all at the root of the server whatever the
 * application's context root.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthMetricsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(base);
  }

  @Test
  void readinessChecksTheDatabaseAndTheKeyAndIsUp() {
    Api.Reply r = root("/health/ready");
    assertEquals(200, r.status(), r.body());
    assertEquals("UP", r.json().getString("status"));
    JsonObject check =
        r.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("countersign-database-and-key"))
            .findFirst()
            .orElseThrow();
    assertEquals("UP", check.getString("status"));
    assertEquals("matches", check.getJsonObject("data").getString("key"));
  }

  @Test
  void livenessAndStartedAreUp() {
    for (String path : new String[] {"/health/live", "/health/started"}) {
      Api.Reply r = root(path);
      assertEquals(200, r.status(), path + ": " + r.body());
      assertEquals("UP", r.json().getString("status"), path);
    }
    assertTrue(root("/health/started").body().contains("countersign-started"));
  }

  @Test
  void acceptsRejectsReplaysAndEnrolmentsAreCountedInPrometheusText() {
    String admin = api.adminJwt();
    double accepts = metric("countersign_validate_check_total", "outcome=\"accept\"");
    double replays = metric("countersign_validate_check_total", "outcome=\"replay\"");
    double enrolments = metric("countersign_enrolments_total", "type=\"hotp\"");
    String serial = api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY);
    String code = Codes.rfc4226().hotp(0);
    assertTrue(api.check("serial", serial, "pass", code).value());
    api.check("serial", serial, "pass", code);

    assertEquals(accepts + 1, metric("countersign_validate_check_total", "outcome=\"accept\""));
    assertEquals(replays + 1, metric("countersign_validate_check_total", "outcome=\"replay\""));
    assertEquals(enrolments + 1, metric("countersign_enrolments_total", "type=\"hotp\""));
    assertTrue(metric("countersign_validate_check_total", "outcome=\"reject\"") >= 1);
  }

  @Test
  void checkLatencyIsRecordedAsAHistogram() {
    api.check("serial", "NOSUCH" + System.nanoTime(), "pass", "123456");
    String text = root("/metrics").body();
    assertTrue(text.contains("countersign_validate_check_duration_seconds"), text);
    assertTrue(metric("countersign_validate_check_duration_seconds_count", "") >= 1, text);
    assertTrue(
        text.contains("countersign_validate_check_duration_seconds_bucket"),
        "histogram buckets: " + text);
  }

  @Test
  void openApiDocumentsTheEndpointsWithTheirParameters() {
    String doc = api.send(HttpRequest.newBuilder(api.base().resolve("/openapi")).GET()).body();
    for (String path :
        new String[] {
          "/validate/check:",
          "/validate/polltransaction:",
          "/token/init:",
          "/auth:",
          "/user/{name}:",
          "/ttype/{type}:",
          "/token/resync/{serial}:"
        }) {
      assertTrue(
          doc.contains(path),
          "missing " + path + " in " + doc.substring(0, Math.min(3000, doc.length())));
    }
    assertTrue(doc.contains("name: transaction_id"), doc);
    assertTrue(doc.contains("Envelope"), doc);
  }

  private Api.Reply root(String path) {
    return api.send(
        HttpRequest.newBuilder(api.base().resolve(path))
            .header("Accept", "application/json, text/plain")
            .GET());
  }

  /**
   * The value of one Prometheus sample (the first whose labels contain {@code labels}), 0 when
   * absent.
   */
  private double metric(String name, String labels) {
    String text =
        api.send(
                HttpRequest.newBuilder(api.base().resolve("/metrics"))
                    .header("Accept", "text/plain")
                    .GET())
            .body();
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
            .matcher(text);
    while (m.find()) {
      if (labels.isEmpty() || (m.group(1) != null && m.group(1).contains(labels))) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }
}
