package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On Payara Micro a server that cannot start its application ends its process with a non-zero exit
 * status and one log line that says why, instead of running on and answering 404 to everything.
 */
class StartFailureExitIT {

  @Test
  void aRefusedSettingEndsTheProcessWithANonZeroStatus() {
    OwnServer own =
        OwnServer.fresh("exit-refused-setting", Map.of("countersign.admin.password", "too-short"));
    try (ClusterNode node = own.node().launch()) {
      assertNotEquals(0, node.awaitExit(), node.log().toString());
      assertEquals(1, refusals(node.logText()), node.log().toString());
    }
  }

  @Test
  void aTokenTypeSettingIsCheckedAtStartNotAtFirstUse() {
    OwnServer own =
        OwnServer.fresh(
            "exit-bad-ocra-suite",
            Map.of("countersign.tiqr.ocra.suite", "OCRA-1:HOTP-SHA1-6:C-QN08"));
    try (ClusterNode node = own.node().launch()) {
      assertNotEquals(0, node.awaitExit(), node.log().toString());
      assertEquals(1, refusals(node.logText()), node.log().toString());
      assertTrue(
          node.logText()
              .contains("Countersign cannot start: Configuration 'countersign.tiqr.ocra.suite'"),
          node.log().toString());
    }
  }

  @Test
  void anUnreachableDatabaseEndsTheProcessWithANonZeroStatus() {
    Map<String, String> settings = new HashMap<>();
    settings.put(
        "countersign.db.url", "jdbc:postgresql://127.0.0.1:1/countersign?connectTimeout=2");
    settings.put("countersign.db.datasource", null);
    OwnServer own = OwnServer.fresh("exit-no-database", settings);
    try (ClusterNode node = own.node().launch()) {
      assertNotEquals(0, node.awaitExit(), node.log().toString());
      assertEquals(1, refusals(node.logText()), node.log().toString());
      assertTrue(
          node.logText().contains("Countersign cannot start: the database does not answer"),
          node.log().toString());
    }
  }

  private static long refusals(String log) {
    return log.lines().filter(l -> l.contains("Countersign cannot start: ")).count();
  }
}
