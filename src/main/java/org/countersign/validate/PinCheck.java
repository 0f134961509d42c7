package org.countersign.validate;

import java.util.HashMap;
import java.util.Map;
import org.countersign.crypto.KeyRing;
import org.countersign.token.Token;
import org.countersign.user.UserStore;

/**
 * Checks the PIN part of a pass where the {@code otppin} policy says: against the token's PIN (the
 * default), the owner's password in the user store, or as empty. One check asks the user store at
 * most once per distinct PIN part, since a password hash is slow by design.
 */
final class PinCheck {

  private final CheckPolicy.PinSource source;
  private final KeyRing keys;
  private final UserStore users;
  private final Map<String, Boolean> passwords = new HashMap<>();

  PinCheck(CheckPolicy.PinSource source, KeyRing keys, UserStore users) {
    this.source = source;
    this.keys = keys;
    this.users = users;
  }

  boolean matches(Token token, String pinPart) {
    return switch (source) {
      case NONE -> pinPart.isEmpty();
      case USERSTORE ->
          token.realm().isPresent()
              && token.username().isPresent()
              && passwords.computeIfAbsent(
                  token.realm().get() + "\u0000" + token.username().get() + "\u0000" + pinPart,
                  k ->
                      users
                          .authenticate(token.realm().get(), token.username().get(), pinPart)
                          .isPresent());
      case TOKENPIN -> keys.pins().matches(pinPart, token.pinHash().orElse(null));
    };
  }
}
