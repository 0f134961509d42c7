package org.countersign.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.countersign.policy.KnownNames;

/** The realms and resolvers policies may name: today the built-in store and its realm. */
@ApplicationScoped
public class UserNames implements KnownNames {

  @Inject UserStore users;

  @Override
  public boolean realmExists(String realm) {
    return users.realm(Optional.of(realm)).isPresent();
  }

  @Override
  public boolean resolverExists(String resolver) {
    return UserStore.RESOLVER.equalsIgnoreCase(resolver);
  }
}
