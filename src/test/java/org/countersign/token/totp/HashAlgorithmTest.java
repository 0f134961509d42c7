package org.countersign.token.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HashAlgorithmTest {

  @ParameterizedTest
  @CsvSource({
    "sha1, SHA1", "SHA1, SHA1", "Sha1, SHA1",
    "sha256, SHA256", "SHA256, SHA256", "ShA256, SHA256",
    "sha512, SHA512", "SHA512, SHA512", "sHa512, SHA512"
  })
  void findsAlgorithmByApiNameIgnoringCase(String name, HashAlgorithm expected) {
    assertEquals(Optional.of(expected), HashAlgorithm.fromApiName(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "md5", "sha", "sha-1", "sha-256", "sha384", "sha1 ", "HmacSHA1", "SHA3-256"})
  void returnsEmptyForUnknownName(String name) {
    assertEquals(Optional.empty(), HashAlgorithm.fromApiName(name));
  }

  @Test
  void outputLengthsMatchTheHashFunctions() {
    assertEquals(20, HashAlgorithm.SHA1.outputBytes());
    assertEquals(32, HashAlgorithm.SHA256.outputBytes());
    assertEquals(64, HashAlgorithm.SHA512.outputBytes());
  }
}
