package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin password a server starts with: not the example value shipped in {@code
 * config/countersign.env}, not shorter than {@code countersign.admin.password.minlength}, and
 * hashed with 600,000 PBKDF2 iterations unless the operator chooses another count. Each case boots
 * a Payara Micro process of its own, since the behaviour under test is the start-up itself.
 */
class AdminPasswordPolicyIT {

  private static final String REFUSAL =
      "Countersign cannot start: Configuration 'countersign.admin.password'";

  @Test
  void refusesToStartWithThePlaceholderPasswordOfTheExampleEnvironment() throws IOException {
    String placeholder = exampleEnvironment().get("COUNTERSIGN_ADMIN_PASSWORD");
    String log = refusal("admin-placeholder", Map.of("countersign.admin.password", placeholder));
    assertEquals(1, lines(log, REFUSAL), log);
    assertTrue(log.contains("example value of config/countersign.env"), log);
    assertFalse(log.contains(placeholder), "the log never repeats the password");
  }

  @Test
  void refusesToStartWithAnAdminPasswordShorterThanTheMinimum() {
    String log = refusal("admin-short", Map.of("countersign.admin.password", "Short-Pw123"));
    assertEquals(1, lines(log, REFUSAL + " is shorter than 12 characters"), log);
    assertFalse(log.contains("Short-Pw123"), "the log never repeats the password");
  }

  @Test
  void theMinimumIsASetting() {
    String log =
        refusal(
            "admin-minimum",
            Map.of(
                "countersign.admin.password",
                Api.ADMIN_PASSWORD,
                "countersign.admin.password.minlength",
                Integer.toString(Api.ADMIN_PASSWORD.length() + 1)));
    assertEquals(
        1, lines(log, REFUSAL + " is shorter than " + (Api.ADMIN_PASSWORD.length() + 1)), log);
  }

  @Test
  void hashesTheAdminPasswordWith600000IterationsByDefault() {
    Map<String, String> settings = new HashMap<>();
    settings.put("countersign.admin.password", "a-Long-enough-Passw0rd");
    settings.put("countersign.password.iterations", null);
    OwnServer own = OwnServer.fresh("admin-default-iterations", settings);
    try (ClusterNode node = own.node().start()) {
      Api.Reply login =
          node.api().post("auth", form("username", "admin", "password", "a-Long-enough-Passw0rd"));
      assertEquals(200, login.status(), login.body());
      String hash =
          (String) own.db().value("SELECT password_hash FROM cs_admin WHERE username = 'admin'");
      assertTrue(
          hash.startsWith("pbkdf2-sha256$600000$"),
          "stored as " + hash.split("\\$")[0] + "$" + hash.split("\\$")[1]);
    }
  }

  private static String refusal(String name, Map<String, String> settings) {
    return OwnServer.fresh(name, settings).refusal();
  }

  private static long lines(String log, String text) {
    return log.lines().filter(l -> l.contains(text)).count();
  }

  /**
   * The variables of config/countersign.env, the environment README tells a new operator to copy.
   */
  private static Map<String, String> exampleEnvironment() throws IOException {
    Map<String, String> vars = new HashMap<>();
    Path env = Path.of(System.getProperty("countersign.config", "config"), "countersign.env");
    for (String line : Files.readAllLines(env)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        vars.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return vars;
  }
}
