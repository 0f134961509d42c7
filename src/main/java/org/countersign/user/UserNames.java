package org.countersign.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.countersign.policy.KnownNames;
import org.countersign.resolver.Realms;

/** The realms and resolvers policies may name: those configured, the built-in store included. */
@ApplicationScoped
public class UserNames implements KnownNames {

  @Inject UserStore users;
  @Inject Realms realms;

  @Override
  public boolean realmExists(String realm) {
    return users.realm(Optional.of(realm)).isPresent();
  }

  @Override
  public boolean resolverExists(String resolver) {
    return realms.typeOf(resolver).isPresent();
  }
}
