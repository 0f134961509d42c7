package org.countersign.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import org.countersign.qr.QrCodes;
import org.countersign.token.Token;
import org.countersign.token.totp.HashAlgorithm;
import org.countersign.token.totp.OtpAuthUri;

/**
 * What the authenticator-app page shows to set up a TOTP token: the otpauth URI, its QR code and
 * the secret in Base32 groups of four for typing by hand. The QR code is made once per set-up (a
 * PNG costs milliseconds of CPU).
 */
public record TotpProvisioning(String serial, String uri, String qrDataUri, String secretGroups)
    implements Serializable {

  /** From the {@code detail} of a new token's enrolment. */
  static TotpProvisioning fromEnrolment(
      String serial, String uri, String qrDataUri, String base32) {
    return new TotpProvisioning(serial, uri, qrDataUri, grouped(base32));
  }

  /**
   * Rebuilds the same provisioning data for a token waiting for its first code, from its reopened
   * seed and public parameters, as {@code TotpType} built them at enrolment.
   */
  static TotpProvisioning resumed(Token token, byte[] seed, String issuer, String account) {
    try {
      Map<String, String> info = token.info();
      HashAlgorithm hash =
          HashAlgorithm.fromApiName(info.getOrDefault("hashlib", "sha1"))
              .orElse(HashAlgorithm.SHA1);
      int period = Integer.parseInt(info.getOrDefault("timeStep", "30"));
      String uri = OtpAuthUri.totp(issuer, account, seed, hash, token.otpLen(), period);
      return new TotpProvisioning(
          token.serial(), uri, QrCodes.pngDataUri(uri), grouped(OtpAuthUri.base32(seed)));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  static String grouped(String base32) {
    StringBuilder out = new StringBuilder(base32.length() + base32.length() / 4);
    for (int i = 0; i < base32.length(); i += 4) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(base32, i, Math.min(base32.length(), i + 4));
    }
    return out.toString();
  }

  public String getSerial() {
    return serial;
  }

  public String getUri() {
    return uri;
  }

  public String getQrDataUri() {
    return qrDataUri;
  }

  public String getSecretGroups() {
    return secretGroups;
  }

  @Override
  public String toString() {
    return "TotpProvisioning[" + serial + "]";
  }
}
