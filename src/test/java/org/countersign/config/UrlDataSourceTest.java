package org.countersign.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlDataSourceTest {

  @Test
  void aPostgresqlUrlNamesPostgresqlsDriver() {
    assertEquals(
        Optional.of("org.postgresql.Driver"),
        UrlDataSource.driverClassFor(
            "jdbc:postgresql://db.example.org:5432/countersign?connectTimeout=5"));
  }

  @Test
  void anH2UrlNamesH2sDriver() {
    assertEquals(
        Optional.of("org.h2.Driver"),
        UrlDataSource.driverClassFor("jdbc:h2:file:./data/countersign;LOCK_TIMEOUT=10000"));
  }

  @Test
  void thePrefixIsReadWithoutRegardToCaseOrSurroundingBlanks() {
    assertEquals(
        Optional.of("org.postgresql.Driver"),
        UrlDataSource.driverClassFor("  JDBC:PostgreSQL://h/db"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "postgresql://h/db", "jdbc:mysql://h/db", "jdbc:h2", "jdbc:postgres://h/db"})
  void otherUrlsNameNoDriver(String url) {
    assertEquals(Optional.empty(), UrlDataSource.driverClassFor(url));
  }

  @Test
  void noUrlNamesNoDriver() {
    assertEquals(Optional.empty(), UrlDataSource.driverClassFor(null));
  }

  @Test
  void opensAnH2ConnectionWithTheUrlAlone() throws SQLException {
    UrlDataSource ds = new UrlDataSource();
    ds.setUrl("jdbc:h2:mem:urldatasource");
    ds.setUser("sa");
    ds.setPassword("");
    try (Connection c = ds.getConnection()) {
      assertTrue(c.getMetaData().getURL().startsWith("jdbc:h2:mem:urldatasource"));
    }
  }

  @Test
  void anUnknownUrlFailsWithAMessageThatNamesTheSettings() {
    UrlDataSource ds = new UrlDataSource();
    ds.setUrl("jdbc:mysql://h/db");
    SQLException e = assertThrows(SQLException.class, ds::getConnection);
    assertTrue(e.getMessage().contains("countersign.db.datasource"), e.getMessage());
  }
}
