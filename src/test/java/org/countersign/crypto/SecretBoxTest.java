package org.countersign.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTest {

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private static SecretBox box() {
    return new SecretBox(key(7), new SecureRandom());
  }

  private static byte[] seed() {
    return "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void opensWhatItSealed() {
    SecretBox box = box();
    assertArrayEquals(seed(), box.open(box.seal(seed(), "TOTP0001"), "TOTP0001"));
  }

  @Test
  void opensWithAnotherInstanceOverTheSameKey() {
    String sealed = box().seal(seed(), "TOTP0001");
    assertArrayEquals(seed(), new SecretBox(key(7), new SecureRandom()).open(sealed, "TOTP0001"));
  }

  @Test
  void sealsAnEmptyValue() {
    SecretBox box = box();
    assertArrayEquals(new byte[0], box.open(box.seal(new byte[0], "ctx"), "ctx"));
  }

  @Test
  void ciphertextDiffersEachTime() {
    SecretBox box = box();
    String first = box.seal(seed(), "TOTP0001");
    String second = box.seal(seed(), "TOTP0001");
    assertNotEquals(first, second);
    assertArrayEquals(seed(), box.open(first, "TOTP0001"));
    assertArrayEquals(seed(), box.open(second, "TOTP0001"));
  }

  @Test
  void refusesToOpenUnderAnotherContext() {
    SecretBox box = box();
    String sealed = box.seal(seed(), "TOTP0001");
    assertThrows(KeyException.class, () -> box.open(sealed, "TOTP0002"));
  }

  @Test
  void refusesToOpenUnderAnotherKey() {
    String sealed = box().seal(seed(), "TOTP0001");
    SecretBox other = new SecretBox(key(8), new SecureRandom());
    assertThrows(KeyException.class, () -> other.open(sealed, "TOTP0001"));
  }

  @Test
  void refusesEveryTamperedByte() {
    SecretBox box = box();
    byte[] raw = Base64.getDecoder().decode(box.seal(seed(), "TOTP0001"));
    for (int i = 0; i < raw.length; i++) {
      byte[] tampered = raw.clone();
      tampered[i] ^= 0x01;
      String damaged = Base64.getEncoder().encodeToString(tampered);
      assertThrows(KeyException.class, () -> box.open(damaged, "TOTP0001"), "byte " + i);
    }
  }

  @Test
  void refusesATruncatedValue() {
    SecretBox box = box();
    byte[] raw = Base64.getDecoder().decode(box.seal(seed(), "TOTP0001"));
    String shorter = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 1));
    String tiny = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, 20));
    assertThrows(KeyException.class, () -> box.open(shorter, "TOTP0001"));
    assertThrows(KeyException.class, () -> box.open(tiny, "TOTP0001"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!", "%%%%", "AQ==", "AAAA"})
  void refusesGarbage(String garbage) {
    SecretBox box = box();
    assertThrows(KeyException.class, () -> box.open(garbage, "TOTP0001"));
  }

  @Test
  void outputRevealsNoEncodingOfThePlaintext() {
    byte[] plain = seed();
    String sealed = box().seal(plain, "TOTP0001");
    String hex = HexFormat.of().formatHex(plain);
    String base32 = new Base32().encodeToString(plain).replace("=", "");
    String base64 = Base64.getEncoder().withoutPadding().encodeToString(plain);
    assertFalse(sealed.toLowerCase(Locale.ROOT).contains(hex));
    assertFalse(sealed.toUpperCase(Locale.ROOT).contains(base32));
    assertFalse(sealed.contains(base64));
    assertFalse(sealed.contains(new String(plain, StandardCharsets.US_ASCII)));
  }
}
