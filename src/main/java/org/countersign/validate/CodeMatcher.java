package org.countersign.validate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.countersign.token.Token;
import org.countersign.token.TokenSecrets;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.OtpToken;
import org.countersign.token.spi.OtpVerifier;

/**
 * Asks a token's type which counter (or time step) a code belongs to, with the seed opened only for
 * the call and wiped afterwards. Whether the counter may still be used is for the caller's
 * conditional update to decide.
 */
@ApplicationScoped
class CodeMatcher {

  @Inject TokenTypes types;
  @Inject TokenSecrets secrets;
  @Inject Clock clock;

  /** Whether the token's type checks typed codes. */
  boolean takesCodes(Token token) {
    return types.capability(token.type(), OtpVerifier.class).isPresent();
  }

  /** The counter the code matches, if it matches one in the type's window. */
  OptionalLong match(Token token, String code) {
    Optional<OtpVerifier> verifier = types.capability(token.type(), OtpVerifier.class);
    Optional<OtpToken> opened = verifier.isPresent() ? secrets.open(token) : Optional.empty();
    if (opened.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return verifier.get().match(opened.get(), code, clock.instant());
    } finally {
      Arrays.fill(opened.get().seed(), (byte) 0);
    }
  }
}
