package org.countersign.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.countersign.config.Settings;

/** The realms the operators' pages offer: today the built-in store's default realm alone. */
@ApplicationScoped
public class Realms {

  @Inject Settings settings;

  public List<String> all() {
    return List.of(settings.defaultRealm());
  }

  /** The given realm if it is one of {@link #all()}, else the first. */
  public String orDefault(String realm) {
    return realm != null && all().contains(realm) ? realm : all().get(0);
  }
}
