package org.countersign.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;

/**
 * Salted, keyed hashes for token PINs: HMAC-SHA256 over salt and PIN under a key derived from the
 * master key. A PIN is checked on every authentication, so a slow hash would cost each login; the
 * server-side key is what makes a stolen database useless for guessing PINs offline (the key file
 * is not in the database). Stored as {@code h1$<salt>$<mac>}.
 */
public final class KeyedHash {

  private static final String PREFIX = "h1";
  private final SecureRandom random;

  /** One initialised Mac per thread: PINs are checked on every authentication. */
  private final ThreadLocal<Mac> macs;

  public KeyedHash(byte[] key, SecureRandom random) {
    this.random = random;
    this.macs = Hmacs.perThread(key);
  }

  public String hash(String secret) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(mac(salt, secret));
  }

  /**
   * Constant-time check of a candidate against a stored hash; a malformed stored value never
   * matches.
   */
  public boolean matches(String candidate, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 3 || !PREFIX.equals(parts[0])) {
      mac(new byte[16], candidate);
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[1]);
      byte[] expected = Base64.getDecoder().decode(parts[2]);
      return MessageDigest.isEqual(expected, mac(salt, candidate));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private byte[] mac(byte[] salt, String secret) {
    Mac mac = macs.get();
    mac.update(salt);
    return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
  }
}
