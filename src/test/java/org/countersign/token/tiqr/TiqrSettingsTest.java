package org.countersign.token.tiqr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.countersign.config.Configuration;
import org.junit.jupiter.api.Test;

class TiqrSettingsTest {

  @Test
  void defaultsNeedNoConfiguration() {
    TiqrSettings s = TiqrSettings.from(Configuration.of(Map.of()));
    assertEquals(TiqrSettings.DEFAULT_SUITE, s.suite().text());
    assertEquals(300, s.enrolmentValiditySeconds());
    assertEquals("org.countersign", s.serviceIdentifier());
  }

  @Test
  void aSuiteWithACounterIsRefusedNamingTheKey() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TiqrSettings.from(
                    Configuration.of(
                        Map.of(TiqrSettings.OCRA_SUITE, "OCRA-1:HOTP-SHA1-6:C-QN08"))));
    assertTrue(e.getMessage().contains(TiqrSettings.OCRA_SUITE), e.getMessage());
  }

  @Test
  void aMalformedSuiteIsRefusedNamingTheKey() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> TiqrSettings.from(Configuration.of(Map.of(TiqrSettings.OCRA_SUITE, "OCRA-2"))));
    assertTrue(
        e.getMessage().startsWith("Configuration '" + TiqrSettings.OCRA_SUITE), e.getMessage());
  }

  @Test
  void anEnrolmentValidityOutOfBoundsIsRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> TiqrSettings.from(Configuration.of(Map.of(TiqrSettings.ENROLMENT_VALIDITY, "5"))));
  }
}
