package org.countersign.policy;

/**
 * Which realms and resolvers exist, so that a policy naming one that does not is refused; provided
 * by the users.
 */
public interface KnownNames {

  boolean realmExists(String realm);

  boolean resolverExists(String resolver);
}
