package org.countersign.token.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HotpTest {

  private static byte[] rfcKey() {
    return "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  }

  // RFC 4226 Appendix D

  @ParameterizedTest
  @CsvSource({
    "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
    "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
  })
  void matchesRfc4226AppendixDVectors(long counter, String expected) {
    assertEquals(expected, new Hotp(HashAlgorithm.SHA1, 6).at(rfcKey(), counter));
  }

  @Test
  void padsEightDigitCodeWithLeadingZero() {
    // RFC 6238 Appendix B, SHA1 at T = 1111111109 (step 0x23523EC): "07081804"
    assertEquals("07081804", new Hotp(HashAlgorithm.SHA1, 8).at(rfcKey(), 0x23523ECL));
  }

  @Test
  void producesCodesOfTheConfiguredLength() {
    assertEquals(7, new Hotp(HashAlgorithm.SHA1, 7).at(rfcKey(), 0).length());
    assertEquals(7, new Hotp(HashAlgorithm.SHA1, 7).digits());
  }

  @Test
  void matchesTheCodeForItsCounter() {
    assertTrue(new Hotp(HashAlgorithm.SHA1, 6).matches(rfcKey(), 1, "287082"));
  }

  @Test
  void doesNotMatchTheCodeOfAnotherCounter() {
    assertFalse(new Hotp(HashAlgorithm.SHA1, 6).matches(rfcKey(), 2, "287082"));
  }

  @Test
  void doesNotMatchAPrefixOrAnExtendedCode() {
    Hotp hotp = new Hotp(HashAlgorithm.SHA1, 6);
    assertFalse(hotp.matches(rfcKey(), 0, "75522"));
    assertFalse(hotp.matches(rfcKey(), 0, "7552240"));
    assertFalse(hotp.matches(rfcKey(), 0, ""));
  }

  @Test
  void doesNotMatchUnderAnotherKey() {
    byte[] other = "09876543210987654321".getBytes(StandardCharsets.US_ASCII);
    assertFalse(new Hotp(HashAlgorithm.SHA1, 6).matches(other, 0, "755224"));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 5, 9, 10})
  void rejectsDigitsOutOfRange(int digits) {
    assertThrows(IllegalArgumentException.class, () -> new Hotp(HashAlgorithm.SHA1, digits));
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 8})
  void acceptsSixToEightDigits(int digits) {
    assertEquals(digits, new Hotp(HashAlgorithm.SHA256, digits).digits());
  }
}
