package org.countersign.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.countersign.config.Settings;

/**
 * Holds the keys derived from the master key file, installed once at start-up by the bootstrap.
 * Each purpose gets its own key (HMAC-SHA256 of the master key over a label), so no key is used for
 * two jobs.
 */
@ApplicationScoped
public class KeyRing {

  private static final String KEY_FILE_NAME = "countersign.key";
  private static final byte[] CHECK_PLAIN =
      "countersign key check".getBytes(StandardCharsets.US_ASCII);

  @Inject Settings settings;
  @Inject SecureRandom random;

  private volatile SecretBox secrets;
  private volatile KeyedHash pins;
  private volatile byte[] signingKey;
  private volatile LookupKey throttleKeys;
  private volatile byte[] auditChainKey;

  public KeyFile keyFile() {
    return new KeyFile(settings.dataDir().resolve(KEY_FILE_NAME));
  }

  public void install(byte[] master) {
    secrets = new SecretBox(derive(master, "seal"), random);
    pins = new KeyedHash(derive(master, "pin"), random);
    signingKey = derive(master, "jwt");
    throttleKeys = new LookupKey(derive(master, "throttle"));
    auditChainKey = auditChainKey(master);
  }

  /**
   * The key of the audit chain's links and seals, from the master key; public so that the
   * command-line check derives the same key from the key file without a server.
   */
  public static byte[] auditChainKey(byte[] master) {
    return derive(master, "audit-chain");
  }

  public byte[] auditChainKey() {
    return require(auditChainKey).clone();
  }

  /**
   * A value sealed under the installed key; the bootstrap stores it to recognise the key on the
   * next start.
   */
  public String newKeyCheck() {
    return secrets().seal(CHECK_PLAIN, "key-check");
  }

  public boolean opensKeyCheck(String stored) {
    try {
      return Arrays.equals(CHECK_PLAIN, secrets().open(stored, "key-check"));
    } catch (KeyException e) {
      return false;
    }
  }

  public SecretBox secrets() {
    return require(secrets);
  }

  public KeyedHash pins() {
    return require(pins);
  }

  /**
   * Keys of the password throttle's rows, so that the database holds no user name or client
   * address.
   */
  public LookupKey throttleKeys() {
    return require(throttleKeys);
  }

  public byte[] signingKey() {
    return require(signingKey).clone();
  }

  private static <T> T require(T value) {
    if (value == null) {
      throw new KeyException("The key ring is not loaded: the start-up did not complete.");
    }
    return value;
  }

  private static byte[] derive(byte[] master, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(("countersign/" + label).getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
