package org.countersign.token.tiqr;

import org.countersign.token.Token;

/**
 * How a token's owner is known to the tiqr app: {@code <user>_<realm>}, as privacyIDEA names it.
 */
final class TiqrIdentity {

  private TiqrIdentity() {}

  static String identifier(Token token) {
    return token.username().orElse("") + "_" + token.realm().orElse("");
  }
}
