package org.countersign.web;

import java.io.Serializable;
import org.countersign.qr.QrCodes;
import org.countersign.token.spi.Provisioning;

/**
 * What the authenticator-app page shows to set up a TOTP token: the otpauth URI, its QR code and
 * the secret in Base32 groups of four for typing by hand. The QR code is made once per set-up (a
 * PNG costs milliseconds of CPU).
 */
public record TotpProvisioning(String serial, String uri, String qrDataUri, String secretGroups)
    implements Serializable {

  /**
   * What to show for a new or resumed token, from the otpauth provisioning its type made; clears
   * the secret in it.
   */
  public static TotpProvisioning of(String serial, Provisioning provisioning) {
    if (!(provisioning instanceof Provisioning.OtpAuth otp)) {
      throw new IllegalStateException("An authenticator app needs an otpauth URI");
    }
    try {
      return new TotpProvisioning(
          serial, otp.uri(), QrCodes.pngDataUri(otp.uri()), grouped(otp.secretBase32()));
    } finally {
      otp.clear();
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
