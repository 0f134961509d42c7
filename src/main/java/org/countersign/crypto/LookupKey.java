package org.countersign.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * A deterministic keyed digest (HMAC-SHA256, 64 hex digits) for rows that must be found again by a
 * value that the database must not hold in clear, such as a user name or a client address: the same
 * input always gives the same key, and without the key file the stored digests tell nothing.
 */
public final class LookupKey {

  private final ThreadLocal<Mac> macs;

  public LookupKey(byte[] key) {
    this.macs = Hmacs.perThread(key);
  }

  public String of(String value) {
    return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }
}
