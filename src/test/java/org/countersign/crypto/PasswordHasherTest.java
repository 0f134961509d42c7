package org.countersign.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  private static PasswordHasher hasher(int iterations) {
    return new PasswordHasher(iterations, new SecureRandom());
  }

  @Test
  void verifiesTheHashedPassword() {
    PasswordHasher hasher = hasher(1000);
    assertTrue(hasher.matches("correct horse", hasher.hash("correct horse")));
  }

  @Test
  void hashOfCharArrayVerifiesAsString() {
    PasswordHasher hasher = hasher(1000);
    assertTrue(hasher.matches("s3cret", hasher.hash("s3cret".toCharArray())));
  }

  @Test
  void verifiesNonAsciiPassword() {
    PasswordHasher hasher = hasher(1000);
    assertTrue(hasher.matches("Grüße, 世界", hasher.hash("Grüße, 世界")));
  }

  @Test
  void rejectsAWrongPassword() {
    PasswordHasher hasher = hasher(1000);
    String stored = hasher.hash("correct horse");
    assertFalse(hasher.matches("correct horsE", stored));
    assertFalse(hasher.matches("correct horse ", stored));
    assertFalse(hasher.matches("", stored));
  }

  @Test
  void nullStoredHashNeverMatches() {
    PasswordHasher hasher = hasher(1000);
    assertFalse(hasher.matches("not a password", null));
    assertFalse(hasher.matches("anything", null));
  }

  @Test
  void storesAlgorithmIterationsSaltAndHash() {
    String stored = hasher(1000).hash("pw");
    assertTrue(
        stored.matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
  }

  @Test
  void usesADifferentSaltEachTime() {
    PasswordHasher hasher = hasher(1000);
    String first = hasher.hash("pw");
    String second = hasher.hash("pw");
    assertNotEquals(first, second);
    assertTrue(hasher.matches("pw", first));
    assertTrue(hasher.matches("pw", second));
  }

  @Test
  void verifiesAnOldHashWithAnotherIterationCount() {
    String old = hasher(1000).hash("pw");
    PasswordHasher current = hasher(2000);
    assertEquals("1000", old.split("\\$")[1]);
    assertTrue(current.hash("pw").startsWith("pbkdf2-sha256$2000$"));
    assertTrue(current.matches("pw", old));
    assertFalse(current.matches("pw2", old));
  }

  @Test
  void changedIterationCountInStoredHashNoLongerMatches() {
    String stored = hasher(1000).hash("pw");
    String altered = stored.replaceFirst("\\$1000\\$", "\\$1001\\$");
    assertFalse(hasher(1000).matches("pw", altered));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "pw",
        "pbkdf2-sha256",
        "pbkdf2-sha256$1000$AAAA",
        "pbkdf2-sha1$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
        "pbkdf2-sha256$many$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
        "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
        "pbkdf2-sha256$-5$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
        "pbkdf2-sha256$1000$!!!$???",
        "pbkdf2-sha256$1000$$",
        "pbkdf2-sha256$1000$AAAA$AAAA$AAAA"
      })
  void malformedStoredHashNeverMatches(String stored) {
    assertFalse(hasher(1000).matches("pw", stored));
  }
}
