package org.countersign.token.spi;

import java.util.Optional;

/**
 * What a token type may need while enrolling, provided by the core: the owner as people see them and a way to
 * seal the secret to the token.
 */
public interface EnrolmentContext {

  /** The owner's user name, if the token is assigned. */
  Optional<String> username();

  /** The owner's display name (given name and surname, or the user name). */
  Optional<String> displayName();

  /** The base URL at which apps reach this server (configured, or that of the request), ending in a slash. */
  java.net.URI publicBase();

  /** Stores the seed, sealed with the server key and bound to this token's serial. */
  void sealSecret(byte[] seed);
}
