package org.countersign.token.totp;

import java.util.OptionalLong;
import org.countersign.token.spi.OtpToken;

/**
 * Searches a counter range for a code. Every counter in the range is computed, whether or not one
 * matched earlier, so the time taken does not tell where a code matched. A fresh match (above the
 * last accepted counter) wins over a stale one, which is reported only so that a replay can be
 * recorded as such.
 */
final class CounterSearch {

  private CounterSearch() {}

  static OptionalLong find(Hotp hotp, OtpToken token, String otp, long first, long last) {
    if (otp.length() != hotp.digits()) {
      return OptionalLong.empty();
    }
    long fresh = Long.MIN_VALUE;
    long stale = Long.MIN_VALUE;
    for (long c = Math.max(0, first); c <= last; c++) {
      if (hotp.matches(token.seed(), c, otp)) {
        if (c > token.lastCounter()) {
          fresh = fresh == Long.MIN_VALUE ? c : fresh;
        } else {
          stale = c;
        }
      }
    }
    if (fresh != Long.MIN_VALUE) {
      return OptionalLong.of(fresh);
    }
    return stale != Long.MIN_VALUE ? OptionalLong.of(stale) : OptionalLong.empty();
  }
}
