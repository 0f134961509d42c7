package org.countersign.token.totp;

import java.util.Locale;
import java.util.Optional;

/** The HMAC hash functions OATH tokens use, by their API name ({@code hashlib}) and otpauth name. */
public enum HashAlgorithm {
  SHA1("sha1", "HmacSHA1", "SHA1", 20),
  SHA256("sha256", "HmacSHA256", "SHA256", 32),
  SHA512("sha512", "HmacSHA512", "SHA512", 64);

  private final String apiName;
  private final String macName;
  private final String uriName;
  private final int outputBytes;

  HashAlgorithm(String apiName, String macName, String uriName, int outputBytes) {
    this.apiName = apiName;
    this.macName = macName;
    this.uriName = uriName;
    this.outputBytes = outputBytes;
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
