package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator who sets the database URL alone, without {@code countersign.db.datasource}, gets a
 * working server on that database: in the PostgreSQL pass a {@code jdbc:postgresql:} URL, in the H2
 * pass an H2 file URL.
 */
class DatabaseUrlOnlyIT {

  @Test
  void theUrlAloneChoosesTheDatabase() {
    Map<String, String> settings = new HashMap<>();
    settings.put("countersign.db.datasource", null);
    OwnServer own = OwnServer.fresh("db-url-only", settings);
    try (ClusterNode node = own.node().start()) {
      Api.Reply login =
          node.api().post("auth", form("username", "admin", "password", Api.ADMIN_PASSWORD));
      assertEquals(200, login.status(), login.body());
      assertEquals(
          1,
          own.db().count("SELECT COUNT(*) FROM cs_admin"),
          "the tables live in the configured database");
      assertFalse(node.logText().contains("No suitable driver"), node.log().toString());
    }
  }
}
