package org.countersign.token.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProvisioningTest {

  /** The 20-byte key of RFC 4226's test vectors. */
  private static byte[] rfcKey() {
    return "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void base32OfTheRfcKeyIsTheWellKnownValue() {
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Provisioning.OtpAuth.base32(rfcKey()));
  }

  @Test
  void base32DropsThePadding() {
    assertEquals("MY", Provisioning.OtpAuth.base32("f".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void theValueGivesItsSecretInBase32AndHidesItInText() {
    var otp = new Provisioning.OtpAuth("otpauth://totp/x", rfcKey());
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", otp.secretBase32());
    assertFalse(otp.toString().contains("GEZDG"));
    otp.clear();
    assertEquals("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", otp.secretBase32());
  }
}
