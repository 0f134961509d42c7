package org.countersign.token.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

  private static final String KEY20 = "12345678901234567890";
  private static final String KEY32 = "12345678901234567890123456789012";
  private static final String KEY64 =
      "1234567890123456789012345678901234567890123456789012345678901234";

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static Totp totp(HashAlgorithm algorithm) {
    return new Totp(new Hotp(algorithm, 8), 30);
  }

  // RFC 6238 Appendix B

  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesRfc6238VectorsForSha1(long time, String expected) {
    assertEquals(expected, totp(HashAlgorithm.SHA1).at(ascii(KEY20), Instant.ofEpochSecond(time)));
  }

  @ParameterizedTest
  @CsvSource({
    "59, 46119246",
    "1111111109, 68084774",
    "1111111111, 67062674",
    "1234567890, 91819424",
    "2000000000, 90698825",
    "20000000000, 77737706"
  })
  void matchesRfc6238VectorsForSha256(long time, String expected) {
    assertEquals(
        expected, totp(HashAlgorithm.SHA256).at(ascii(KEY32), Instant.ofEpochSecond(time)));
  }

  @ParameterizedTest
  @CsvSource({
    "59, 90693936",
    "1111111109, 25091201",
    "1111111111, 99943326",
    "1234567890, 93441116",
    "2000000000, 38618901",
    "20000000000, 47863826"
  })
  void matchesRfc6238VectorsForSha512(long time, String expected) {
    assertEquals(
        expected, totp(HashAlgorithm.SHA512).at(ascii(KEY64), Instant.ofEpochSecond(time)));
  }

  @ParameterizedTest
  @CsvSource({
    "59, 0x1",
    "1111111109, 0x23523EC",
    "1111111111, 0x23523ED",
    "1234567890, 0x273EF07",
    "2000000000, 0x3F940AA",
    "20000000000, 0x27BC86AA"
  })
  void computesRfc6238TimeSteps(long time, String hexStep) {
    long step = Long.decode(hexStep);
    assertEquals(step, totp(HashAlgorithm.SHA1).stepAt(Instant.ofEpochSecond(time), 0));
  }

  @Test
  void stepAtAddsAPositiveShift() {
    Totp totp = totp(HashAlgorithm.SHA1);
    assertEquals(1, totp.stepAt(Instant.ofEpochSecond(59), 0));
    assertEquals(2, totp.stepAt(Instant.ofEpochSecond(59), 1));
    assertEquals(3, totp.stepAt(Instant.ofEpochSecond(59), 31));
  }

  @Test
  void stepAtSubtractsANegativeShift() {
    Totp totp = totp(HashAlgorithm.SHA1);
    assertEquals(1, totp.stepAt(Instant.ofEpochSecond(60), -29));
    assertEquals(1, totp.stepAt(Instant.ofEpochSecond(60), -30));
    assertEquals(0, totp.stepAt(Instant.ofEpochSecond(60), -31));
  }

  @Test
  void stepAtRoundsNegativeTimesDownwards() {
    Totp totp = totp(HashAlgorithm.SHA1);
    assertEquals(-1, totp.stepAt(Instant.ofEpochSecond(-1), 0));
    assertEquals(-1, totp.stepAt(Instant.ofEpochSecond(-30), 0));
    assertEquals(-2, totp.stepAt(Instant.ofEpochSecond(-31), 0));
    assertEquals(-1, totp.stepAt(Instant.ofEpochSecond(10), -11));
  }

  @Test
  void stepBoundariesFallOnMultiplesOfTheStep() {
    Totp totp = totp(HashAlgorithm.SHA1);
    assertEquals(0, totp.stepAt(Instant.ofEpochSecond(29), 0));
    assertEquals(1, totp.stepAt(Instant.ofEpochSecond(30), 0));
  }

  @Test
  void honoursANonDefaultStep() {
    Totp totp = new Totp(new Hotp(HashAlgorithm.SHA1, 6), 60);
    assertEquals(1, totp.stepAt(Instant.ofEpochSecond(119), 0));
    assertEquals(2, totp.stepAt(Instant.ofEpochSecond(120), 0));
    assertEquals(60, totp.stepSeconds());
  }

  @Test
  void codeAtATimeIsTheHotpCodeOfItsStep() {
    Hotp hotp = new Hotp(HashAlgorithm.SHA1, 6);
    Totp totp = new Totp(hotp, 30);
    assertSame(hotp, totp.hotp());
    assertEquals(hotp.at(ascii(KEY20), 3), totp.at(ascii(KEY20), Instant.ofEpochSecond(95)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, -30})
  void rejectsNonPositiveStep(int step) {
    Hotp hotp = new Hotp(HashAlgorithm.SHA1, 6);
    assertThrows(IllegalArgumentException.class, () -> new Totp(hotp, step));
  }
}
