package org.countersign.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A server of a test's own, for behaviour that lies in the start-up itself: an empty working
 * directory and database named after the test, and a {@link ClusterNode} (not started yet) pointed
 * at both with these settings.
 *
 * <pre>{@code
 * OwnServer own = OwnServer.fresh("metrics-token", Map.of("countersign.metrics.token", token));
 * try (ClusterNode node = own.node().start()) { ... }
 * }</pre>
 */
public record OwnServer(ClusterDatabase db, ClusterNode node) {

  /** Settings with a null value stay unset (see {@link ClusterNode#of}). */
  public static OwnServer fresh(String name, Map<String, String> settings) {
    Path dir = ClusterNode.freshDir(name);
    ClusterDatabase db = ClusterDatabase.fresh(name.replace('-', '_'), dir);
    Map<String, String> props = new HashMap<>(db.serverProperties());
    props.put("countersign.data.dir", dir.toString());
    props.putAll(settings);
    return new OwnServer(db, ClusterNode.of(name, dir, props));
  }

  /**
   * Starts the server and returns its log once it gave up on the WAR; fails when the WAR starts.
   */
  public String refusal() {
    try (ClusterNode n = node.launch()) {
      return n.awaitRefusal();
    }
  }
}
