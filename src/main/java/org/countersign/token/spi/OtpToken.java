package org.countersign.token.spi;

import java.util.Map;

/**
 * What an OTP check sees of a token: its opened seed, code length, public parameters and the last
 * accepted counter ({@code -1} before the first). The seed array belongs to the caller, who clears
 * it afterwards.
 */
public record OtpToken(byte[] seed, int otpLen, Map<String, String> info, long lastCounter) {

  @Override
  public String toString() {
    return "OtpToken[otpLen=" + otpLen + ", lastCounter=" + lastCounter + "]";
  }
}
