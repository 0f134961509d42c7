package org.countersign.validate;

import java.util.Optional;
import java.util.Set;

/**
 * What the authentication policies decide for one check: where the PIN part of {@code pass} is
 * checked, which token types a PIN alone challenges, and which policy, if any, lets a user without
 * tokens ({@code passOnNoToken}) or an unknown user ({@code passOnNoUser}) pass.
 */
record CheckPolicy(
    PinSource pin,
    Set<String> challengeTypes,
    Optional<String> passOnNoToken,
    Optional<String> passOnNoUser) {

  /**
   * privacyIDEA's {@code otppin}: the token's PIN, the user's password in the user store, or
   * nothing.
   */
  enum PinSource {
    TOKENPIN,
    USERSTORE,
    NONE
  }

  static final CheckPolicy DEFAULT =
      new CheckPolicy(PinSource.TOKENPIN, Set.of(), Optional.empty(), Optional.empty());
}
