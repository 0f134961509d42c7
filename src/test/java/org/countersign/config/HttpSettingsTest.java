package org.countersign.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpSettingsTest {

  @ParameterizedTest
  @CsvSource({
    "localhost, localhost",
    "localhost:8080, localhost",
    "LocalHost., localhost",
    "127.0.0.1:80, 127.0.0.1",
    "[::1]:8080, [::1]",
    "[::1], [::1]",
    "mfa.example.org:443, mfa.example.org"
  })
  void hostNameDropsPortCaseAndTrailingDot(String header, String name) {
    assertEquals(name, HttpSettings.hostName(header));
  }
}
