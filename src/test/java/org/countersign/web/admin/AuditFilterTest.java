package org.countersign.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.countersign.audit.AuditColumn;
import org.countersign.audit.AuditQuery;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

  @Test
  void emptyFieldsAndAStarFilterNothing() {
    AuditQuery q = new AuditFilter(" ", "*", null, "", "").query(1, 25);
    assertTrue(q.filters().isEmpty());
    assertEquals(Optional.empty(), q.within());
    assertTrue(q.newestFirst());
  }

  @Test
  void fieldsBecomeColumnFiltersAndThePeriodADuration() {
    AuditQuery q = new AuditFilter(" alice ", "HOTP1", "token_*", "0", "24h").query(3, 25);
    assertEquals(
        Map.of(
            AuditColumn.USER, "alice",
            AuditColumn.SERIAL, "HOTP1",
            AuditColumn.ACTION, "token_*",
            AuditColumn.SUCCESS, "0"),
        q.filters());
    assertEquals(Optional.of(Duration.ofHours(24)), q.within());
    assertEquals(3, q.page());
  }

  @Test
  void unknownSuccessAndPeriodValuesAreIgnored() {
    AuditFilter f = new AuditFilter("", "", "", "yes", "5y");
    assertEquals("", f.success());
    assertEquals("", f.within());
  }

  @Test
  void theQueryStringCarriesTheFilterEncodedAndReadsBack() {
    AuditFilter f = new AuditFilter("a b&c", "", "!ui_login", "1", "7d");
    assertEquals("user=a+b%26c&action=%21ui_login&success=1&within=7d", f.queryString());
    Map<String, String> params =
        Map.of("user", "a b&c", "action", "!ui_login", "success", "1", "within", "7d");
    assertEquals(f, AuditFilter.from(params::get));
  }
}
