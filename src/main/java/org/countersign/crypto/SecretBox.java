package org.countersign.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of small secrets. The output is Base64 of version byte, 12-byte nonce and
 * ciphertext with its tag. The associated data binds a ciphertext to its owner (a token serial), so
 * a sealed seed copied onto another row does not open.
 *
 * <pre>{@code
 * String sealed = box.seal(seed, serial);
 * byte[] seed = box.open(sealed, serial);
 * }</pre>
 */
public final class SecretBox {

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  public SecretBox(byte[] key, SecureRandom random) {
    this.key = new SecretKeySpec(key, "AES");
    this.random = random;
  }

  public String seal(byte[] plain, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
      out.put(VERSION).put(nonce).put(sealed);
      return Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Opens a sealed value; throws {@link KeyException} when the key or the context does not match.
   */
  public byte[] open(String sealed, String context) {
    byte[] all;
    try {
      all = Base64.getDecoder().decode(sealed);
    } catch (IllegalArgumentException e) {
      throw new KeyException("A stored secret is damaged.");
    }
    if (all.length < 1 + NONCE_BYTES + TAG_BITS / 8 || all[0] != VERSION) {
      throw new KeyException("A stored secret is damaged.");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 1, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(all, 1 + NONCE_BYTES, all.length - 1 - NONCE_BYTES);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new KeyException("A stored secret does not open with this key.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }
}
