package org.countersign.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyedHashTest {

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private static KeyedHash hasher() {
    return new KeyedHash(key(3), new SecureRandom());
  }

  @Test
  void matchesTheHashedValue() {
    KeyedHash pins = hasher();
    assertTrue(pins.matches("1234", pins.hash("1234")));
  }

  @Test
  void matchesAnEmptyValue() {
    KeyedHash pins = hasher();
    assertTrue(pins.matches("", pins.hash("")));
  }

  @Test
  void matchesNonAsciiValue() {
    KeyedHash pins = hasher();
    assertTrue(pins.matches("pässwörd€", pins.hash("pässwörd€")));
  }

  @Test
  void rejectsAWrongValue() {
    KeyedHash pins = hasher();
    String stored = pins.hash("1234");
    assertFalse(pins.matches("1235", stored));
    assertFalse(pins.matches("12345", stored));
    assertFalse(pins.matches("", stored));
  }

  @Test
  void rejectsUnderAnotherKey() {
    String stored = hasher().hash("1234");
    assertFalse(new KeyedHash(key(4), new SecureRandom()).matches("1234", stored));
  }

  @Test
  void usesADifferentSaltEachTime() {
    KeyedHash pins = hasher();
    String first = pins.hash("1234");
    String second = pins.hash("1234");
    assertNotEquals(first, second);
    assertNotEquals(first.split("\\$")[1], second.split("\\$")[1]);
    assertTrue(pins.matches("1234", first));
    assertTrue(pins.matches("1234", second));
  }

  @Test
  void storesPrefixSaltAndMac() {
    String stored = hasher().hash("1234");
    assertTrue(stored.matches("h1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
  }

  @Test
  void keepsItsOwnCopyOfTheKey() {
    byte[] key = key(3);
    KeyedHash pins = new KeyedHash(key, new SecureRandom());
    String stored = pins.hash("1234");
    Arrays.fill(key, (byte) 0);
    assertTrue(pins.matches("1234", stored));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "h1",
        "h1$",
        "h1$$",
        "h1$abc",
        "h2$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "h1$!!!$???",
        "h1$AAAA$AAAA$AAAA",
        "1234",
        "$h1$AAAA$AAAA"
      })
  void malformedStoredValueNeverMatches(String stored) {
    assertFalse(hasher().matches("1234", stored));
    assertFalse(hasher().matches("", stored));
  }

  @Test
  void tamperedMacNeverMatches() {
    KeyedHash pins = hasher();
    String stored = pins.hash("1234");
    char last = stored.charAt(stored.length() - 2);
    String tampered =
        stored.substring(0, stored.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + stored.charAt(stored.length() - 1);
    assertFalse(pins.matches("1234", tampered));
  }

  @Test
  void nullStoredValueNeverMatches() {
    assertFalse(hasher().matches("1234", null));
    assertFalse(hasher().matches("", null));
  }
}
