package org.countersign.policy;

import java.util.Optional;

/**
 * What a policy is matched against: the user (when the request names one), their realm and
 * resolver, and the client address.
 */
public record PolicyRequest(
    Optional<String> realm, Optional<String> resolver, Optional<String> user, String client) {

  public static PolicyRequest ofUser(String realm, String resolver, String user, String client) {
    return new PolicyRequest(Optional.of(realm), Optional.of(resolver), Optional.of(user), client);
  }

  public static PolicyRequest anonymous(String client) {
    return new PolicyRequest(Optional.empty(), Optional.empty(), Optional.empty(), client);
  }
}
