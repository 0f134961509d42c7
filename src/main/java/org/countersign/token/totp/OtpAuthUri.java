package org.countersign.token.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.countersign.token.spi.Provisioning;

/**
 * The {@code otpauth://} provisioning URI that Google Authenticator, FreeOTP and their kin scan:
 * label {@code issuer:account}, unpadded Base32 secret, issuer, algorithm, digits and period or
 * counter.
 */
public final class OtpAuthUri {

  private OtpAuthUri() {}

  public static String totp(
      String issuer, String account, byte[] seed, HashAlgorithm h, int digits, int period) {
    return base("totp", issuer, account, seed, h, digits) + "&period=" + period;
  }

  public static String hotp(
      String issuer, String account, byte[] seed, HashAlgorithm h, int digits, long counter) {
    return base("hotp", issuer, account, seed, h, digits) + "&counter=" + counter;
  }

  private static String base(
      String kind, String issuer, String account, byte[] seed, HashAlgorithm h, int digits) {
    return "otpauth://"
        + kind
        + "/"
        + encode(issuer)
        + ":"
        + encode(account)
        + "?secret="
        + Provisioning.OtpAuth.base32(seed)
        + "&issuer="
        + encode(issuer)
        + "&algorithm="
        + h.uriName()
        + "&digits="
        + digits;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
