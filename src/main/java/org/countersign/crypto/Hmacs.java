package org.countersign.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, initialised once per thread: keyed hashes are computed on every
 * authentication.
 */
final class Hmacs {

  private Hmacs() {}

  static ThreadLocal<Mac> perThread(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    return ThreadLocal.withInitial(
        () -> {
          try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(spec);
            return mac;
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
          }
        });
  }
}
