package org.countersign.token.passkey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the CBOR writer against the examples of RFC 8949, Appendix A. */
class SoftCborTest {

  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "23, 17",
    "24, 1818",
    "100, 1864",
    "1000, 1903e8",
    "1000000, 1a000f4240",
    "1000000000000, 1b000000e8d4a51000",
    "-1, 20",
    "-10, 29",
    "-100, 3863",
    "-1000, 3903e7"
  })
  void encodesIntegersAsRfcExamples(long value, String hex) {
    assertArrayEquals(HexFormat.of().parseHex(hex), SoftCbor.encode(value));
  }

  @Test
  void encodesByteStringAsRfcExample() {
    assertArrayEquals(
        HexFormat.of().parseHex("4401020304"), SoftCbor.encode(new byte[] {1, 2, 3, 4}));
  }

  @Test
  void encodesUtf8TextAsRfcExample() {
    assertArrayEquals(HexFormat.of().parseHex("62c3bc"), SoftCbor.encode("\u00fc"));
  }

  @Test
  void encodesMapsInInsertionOrder() {
    assertArrayEquals(
        HexFormat.of().parseHex("a201020304"), SoftCbor.encode(SoftCbor.map(1, 2, 3, 4)));
    assertArrayEquals(
        HexFormat.of().parseHex("a26161016162a0"),
        SoftCbor.encode(SoftCbor.map("a", 1, "b", SoftCbor.map())));
  }

  @Test
  void refusesWhatWebAuthnDoesNotUse() {
    assertThrows(IllegalArgumentException.class, () -> SoftCbor.encode(1.5));
    assertThrows(IllegalArgumentException.class, () -> SoftCbor.map("key without value"));
  }
}
