package org.countersign.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.countersign.policy.PolicyRequest;
import org.countersign.resolver.Realm;
import org.countersign.resolver.Realms;

/**
 * The user a policy is matched against, with the resolver they come from, so that a policy naming a
 * resolver applies to that resolver's users. A user found in a resolver brings their own; for a
 * user known only by realm and name (a check, whose tokens carry the name) the realm tells it when
 * it has one resolver, without asking a directory. In a realm of several resolvers such a request
 * carries none, and a policy that names resolvers does not apply to it.
 */
@ApplicationScoped
public class PolicySubjects {

  @Inject Realms realms;

  public PolicyRequest of(User user, String client) {
    return new PolicyRequest(
        Optional.of(user.realm()),
        Optional.of(user.resolver()),
        Optional.of(user.username()),
        client);
  }

  public PolicyRequest of(String realm, String username, String client) {
    return new PolicyRequest(Optional.of(realm), resolverOf(realm), Optional.of(username), client);
  }

  /** The realm's only resolver, if it has exactly one. */
  public Optional<String> resolverOf(String realm) {
    List<String> resolvers = realms.find(realm).map(Realm::resolvers).orElse(List.of());
    return resolvers.size() == 1 ? Optional.of(resolvers.get(0)) : Optional.empty();
  }
}
