package org.countersign.token.passkey;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes the few CBOR items (RFC 8949) that WebAuthn messages are made of: integers, byte strings,
 * text strings and maps. Map entries are written in insertion order, so callers that build maps
 * with {@link #map} in canonical order (as CTAP2 authenticators do) get canonical output.
 *
 * <pre>{@code
 * byte[] key = SoftCbor.encode(SoftCbor.map(1, 2, 3, -7)); // a2 01 02 03 26
 * }</pre>
 */
final class SoftCbor {

  private static final int UNSIGNED = 0;
  private static final int NEGATIVE = 1;
  private static final int BYTES = 2;
  private static final int TEXT = 3;
  private static final int MAP = 5;

  private SoftCbor() {}

  /** A map that keeps its entries in the given order: key, value, key, value, ... */
  static Map<Object, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("A map needs a value for every key");
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The encoding of an {@link Integer}, {@link Long}, {@code byte[]}, {@link String} or map. */
  static byte[] encode(Object item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, item);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, Object item) {
    if (item instanceof Integer || item instanceof Long) {
      long value = ((Number) item).longValue();
      if (value >= 0) {
        head(out, UNSIGNED, value);
      } else {
        head(out, NEGATIVE, -1 - value);
      }
    } else if (item instanceof byte[] bytes) {
      head(out, BYTES, bytes.length);
      out.writeBytes(bytes);
    } else if (item instanceof String text) {
      byte[] bytes = text.getBytes(UTF_8);
      head(out, TEXT, bytes.length);
      out.writeBytes(bytes);
    } else if (item instanceof Map<?, ?> map) {
      head(out, MAP, map.size());
      map.forEach(
          (key, value) -> {
            write(out, key);
            write(out, value);
          });
    } else {
      throw new IllegalArgumentException("Not encodable as CBOR: " + item);
    }
  }

  /** The initial byte and, for arguments of 24 and more, the shortest following argument. */
  private static void head(ByteArrayOutputStream out, int majorType, long argument) {
    int type = majorType << 5;
    if (argument < 24) {
      out.write(type | (int) argument);
    } else if (argument < 0x100) {
      out.write(type | 24);
      bigEndian(out, argument, 1);
    } else if (argument < 0x10000) {
      out.write(type | 25);
      bigEndian(out, argument, 2);
    } else if (argument < 0x100000000L) {
      out.write(type | 26);
      bigEndian(out, argument, 4);
    } else {
      out.write(type | 27);
      bigEndian(out, argument, 8);
    }
  }

  private static void bigEndian(ByteArrayOutputStream out, long value, int length) {
    for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xff);
    }
  }
}
