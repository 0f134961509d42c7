package org.countersign.token.totp;

import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The HMAC hash functions OATH tokens use, by their API name ({@code hashlib}) and otpauth name.
 */
public enum HashAlgorithm {
  SHA1("sha1", "HmacSHA1", "SHA1", 20),
  SHA256("sha256", "HmacSHA256", "SHA256", 32),
  SHA512("sha512", "HmacSHA512", "SHA512", 64);

  private final String apiName;
  private final String macName;
  private final String uriName;
  private final int outputBytes;

  /**
   * Mac.getInstance looks the provider up each time; one instance per thread and algorithm avoids
   * that.
   */
  private final ThreadLocal<javax.crypto.Mac> macs;

  HashAlgorithm(String apiName, String macName, String uriName, int outputBytes) {
    this.apiName = apiName;
    this.macName = macName;
    this.uriName = uriName;
    this.outputBytes = outputBytes;
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                return javax.crypto.Mac.getInstance(macName);
              } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(macName + " is not available", e);
              }
            });
  }

  /** This thread's Mac for the algorithm; the caller initialises it with a key before each use. */
  javax.crypto.Mac threadMac() {
    return macs.get();
  }

  public String apiName() {
    return apiName;
  }

  public String macName() {
    return macName;
  }

  public String uriName() {
    return uriName;
  }

  /** Length of the hash output, which is also the seed length generated for it. */
  public int outputBytes() {
    return outputBytes;
  }

  public static Optional<HashAlgorithm> fromApiName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (HashAlgorithm h : values()) {
      if (h.apiName.equals(lower)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }
}
