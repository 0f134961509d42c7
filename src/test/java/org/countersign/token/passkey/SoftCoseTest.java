package org.countersign.token.passkey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the byte layout of the COSE keys, which a lenient parser would not reveal. */
class SoftCoseTest {

  @ParameterizedTest
  @CsvSource({
    // map(5) kty:EC2 alg:-7 crv:P-256 x:bytes(32) ... y follows
    "ES256, 77, a5010203262001215820",
    // map(4) kty:OKP alg:-8 crv:Ed25519 x:bytes(32)
    "EDDSA, 42, a4010103272006215820",
    // map(4) kty:RSA alg:-257 n:bytes(256)
    "RS256, 272, a401030339010020590100"
  })
  void writesCoseKeyWithCanonicalLabels(SoftCose type, int length, String prefix)
      throws GeneralSecurityException {
    byte[] key = SoftCbor.encode(type.coseKey(type.generateKeyPair().getPublic()));

    assertEquals(length, key.length);
    byte[] expected = HexFormat.of().parseHex(prefix);
    assertArrayEquals(expected, Arrays.copyOf(key, expected.length));
  }

  @Test
  void writesRsaExponentAfterTheModulus() throws GeneralSecurityException {
    byte[] key =
        SoftCbor.encode(SoftCose.RS256.coseKey(SoftCose.RS256.generateKeyPair().getPublic()));

    // e = 65537: label -2, bytes(3) 01 00 01
    assertArrayEquals(
        HexFormat.of().parseHex("2143010001"), Arrays.copyOfRange(key, key.length - 5, key.length));
  }

  @Test
  void padsAndStripsUnsignedIntegers() {
    assertArrayEquals(new byte[] {0, 0, 1}, SoftCose.unsigned(BigInteger.ONE, 3));
    assertArrayEquals(new byte[] {(byte) 0x80}, SoftCose.unsigned(BigInteger.valueOf(128)));
  }
}
