package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.countersign.crypto.KeyRing;
import org.countersign.token.spi.OtpToken;

/** Seals token seeds to their serial and opens them for a check. */
@ApplicationScoped
public class TokenSecrets {

  @Inject KeyRing keys;

  public void seal(Token token, byte[] seed) {
    token.setSealedSecret(keys.secrets().seal(seed, token.serial()));
  }

  /**
   * The sealed form of a seed for this token, to store with {@link
   * TokenRepository#setSealedSecret}.
   */
  public String sealed(Token token, byte[] seed) {
    return keys.secrets().seal(seed, token.serial());
  }

  /**
   * The opened seed, or empty when the token has no secret yet. The caller clears the array after
   * use.
   */
  public Optional<byte[]> seed(Token token) {
    return token.sealedSecret().map(s -> keys.secrets().open(s, token.serial()));
  }

  /** The token as an OTP check sees it, or empty when it has no secret yet. */
  public Optional<OtpToken> open(Token token) {
    return token
        .sealedSecret()
        .map(s -> keys.secrets().open(s, token.serial()))
        .map(seed -> new OtpToken(seed, token.otpLen(), token.info(), token.lastCounter()));
  }
}
