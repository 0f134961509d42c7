package org.countersign.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void defaultsAreThoseReadmeDocuments() {
    Settings s = Settings.from(Configuration.of(Map.of()));
    assertEquals("default", s.defaultRealm());
    assertEquals(10, s.maxFail());
    assertEquals(600, s.failCounterClearTimeoutSeconds());
    assertEquals(600_000, s.passwordIterations());
    assertEquals(0, s.passwordQueue());
    assertTrue(s.selfEnrolment());
    assertFalse(s.enrolVerify());
    assertTrue(s.publicUrl().isEmpty());
  }

  @Test
  void valuesAreTrimmedAndTheBaseUrlGetsItsSlash() {
    Settings s =
        Settings.from(
            Configuration.of(
                Map.of(Settings.MAX_FAIL, " 3 ", Settings.PUBLIC_URL, "https://mfa.example.org")));
    assertEquals(3, s.maxFail());
    assertEquals(URI.create("https://mfa.example.org/"), s.publicUrl().orElseThrow());
  }

  @Test
  void anOutOfBoundsValueNamesItsKeyAndBounds() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Settings.from(Configuration.of(Map.of(Settings.MAX_FAIL, "0"))));
    assertEquals("Configuration 'countersign.maxfail' must be between 1 and 1000.", e.getMessage());
  }

  @Test
  void aPublicUrlThatIsNotHttpIsRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> Settings.from(Configuration.of(Map.of(Settings.PUBLIC_URL, "ftp://x"))));
  }

  @Test
  void aBooleanMustBeOneOfItsWords() {
    assertThrows(
        IllegalStateException.class,
        () -> Settings.from(Configuration.of(Map.of(Settings.ENROL_VERIFY, "maybe"))));
  }
}
