package org.countersign.token.spi;

import java.util.Optional;

/**
 * What a token type may need while enrolling, provided by the core: the new serial, the owner as
 * people see them and a way to seal the secret to the token.
 */
public interface EnrolmentContext {

  /** The serial the core chose for the new token. */
  String serial();

  /** The owner's user name, if the token is assigned. */
  Optional<String> username();

  /** The owner's display name (given name and surname, or the user name). */
  Optional<String> displayName();

  /**
   * The base URL at which apps reach this server (configured, or that of the request), ending in a
   * slash.
   */
  java.net.URI publicBase();

  /**
   * The value an enrollment policy that matches the owner sets for this action, if any: how a type
   * reads its own actions (those it declares as an {@code ActionProvider}), such as a forced code
   * length.
   */
  Optional<String> policy(String action);

  /**
   * The public parameters ({@code tokeninfo}) of the owner's other tokens of this type, such as the
   * credentials an authenticator must not register twice; empty for an unassigned token.
   */
  java.util.List<java.util.Map<String, String>> siblings();

  /** Stores the seed, sealed with the server key and bound to this token's serial. */
  void sealSecret(byte[] seed);

  /**
   * Opens the challenge the second step of a two-step enrolment answers (see {@link
   * EnrolmentCompletion}), bound to this token, with the usual expiry; returns its transaction id.
   */
  String openChallenge(String data);
}
