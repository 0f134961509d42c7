package org.countersign.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashes: PBKDF2-HMAC-SHA256, stored as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} so that the iteration count can rise without
 * invalidating old hashes.
 */
public final class PasswordHasher {

  private static final String PREFIX = "pbkdf2-sha256";
  private static final int HASH_BITS = 256;
  private final int iterations;
  private final SecureRandom random;
  private final String dummy;

  public PasswordHasher(int iterations, SecureRandom random) {
    this.iterations = iterations;
    this.random = random;
    this.dummy = hash("not a password");
  }

  public String hash(char[] password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(password, salt, iterations));
  }

  public String hash(String password) {
    return hash(password.toCharArray());
  }

  /**
   * Constant-time check; a missing stored hash costs as much as a real one, so timing tells
   * nothing.
   */
  public boolean matches(String password, String stored) {
    boolean known = stored != null;
    String[] parts = (known ? stored : dummy).split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      return false;
    }
    try {
      int rounds = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      boolean equal = MessageDigest.isEqual(expected, derive(password.toCharArray(), salt, rounds));
      return known && equal;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int rounds) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, HASH_BITS);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(spec)
            .getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }
}
