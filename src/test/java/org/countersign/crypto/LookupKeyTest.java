package org.countersign.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LookupKeyTest {

  private static LookupKey keyed(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return new LookupKey(key);
  }

  @Test
  void theSameValueGivesTheSameKey() {
    assertEquals(keyed(1).of("account:default/alice"), keyed(1).of("account:default/alice"));
  }

  @Test
  void anotherValueOrAnotherKeyGivesAnotherDigest() {
    assertNotEquals(keyed(1).of("address:10.0.0.1"), keyed(1).of("address:10.0.0.2"));
    assertNotEquals(keyed(1).of("address:10.0.0.1"), keyed(2).of("address:10.0.0.1"));
  }

  @Test
  void theDigestIsSixtyFourHexDigitsWithoutTheValue() {
    String digest = keyed(1).of("account:default/alice");
    assertTrue(digest.matches("[0-9a-f]{64}"), digest);
    assertFalse(digest.contains("alice"));
  }
}
