package org.countersign.token.spi;

import java.util.Arrays;
import org.apache.commons.codec.binary.Base32;

/**
 * What an enroller is shown once to set up the new token's device or app. The transport decides how
 * to render it (privacyIDEA's JSON with QR codes, or a page).
 */
public sealed interface Provisioning
    permits Provisioning.OtpAuth, Provisioning.AppEnrolment, Provisioning.Registration {

  /**
   * An {@code otpauth://} URI for an authenticator app and the secret it contains, for typing by
   * hand. The secret array belongs to the value; whoever renders it last clears it with {@link
   * #clear()}.
   */
  record OtpAuth(String uri, byte[] secret) implements Provisioning {

    /** A secret in unpadded upper-case Base32, as authenticator apps expect it. */
    public static String base32(byte[] secret) {
      return new Base32().encodeToString(secret).replace("=", "");
    }

    /** This value's secret in the form of {@link #base32(byte[])}, for typing by hand. */
    public String secretBase32() {
      return base32(secret);
    }

    public void clear() {
      Arrays.fill(secret, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OtpAuth other
          && uri.equals(other.uri)
          && java.security.MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public int hashCode() {
      return uri.hashCode();
    }

    @Override
    public String toString() {
      return "OtpAuth[secret hidden]";
    }
  }

  /**
   * A URL the token's own app opens (usually scanned as a QR code) to register with this server;
   * {@code name} is the key under which privacyIDEA's API reports it (such as {@code tiqrenroll}),
   * {@code description} its human-readable label there.
   */
  record AppEnrolment(String name, String description, String url) implements Provisioning {}

  /**
   * Options the client hands to its platform to create a credential (for a passkey, WebAuthn's
   * creation options), reported under {@code name}, and the transaction id the second enrolment
   * request names. Public values, no secret.
   */
  record Registration(String name, String transactionId, jakarta.json.JsonObject options)
      implements Provisioning {}
}
