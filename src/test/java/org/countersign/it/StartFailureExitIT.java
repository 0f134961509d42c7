package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On Payara Micro a server that cannot start its application ends its process with a non-zero exit status and
 * one log line that says why, instead of running on and answering 404 to everything.
 */
class StartFailureExitIT {

  @Test
  void aRefusedSettingEndsTheProcessWithANonZeroStatus() {
    OwnServer own = OwnServer.fresh("exit-refused-setting", Map.of("countersign.admin.password", "too-short"));
    try (ClusterNode node = own.node().launch()) {
      assertNotEquals(0, node.awaitExit(), node.log().toString());
      assertEquals(1, refusals(node.logText()), node.log().toString());
    }
  }

  private static long refusals(String log) {
    return log.lines().filter(l -> l.contains("Countersign cannot start: ")).count();
  }
}
