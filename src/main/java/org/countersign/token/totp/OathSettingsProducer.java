package org.countersign.token.totp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.countersign.config.Configuration;

/** Makes the {@link OathSettings} of the running application injectable, read once at start-up. */
@ApplicationScoped
public class OathSettingsProducer {

  private OathSettings value;

  @PostConstruct
  void read() {
    value = OathSettings.from(Configuration.current());
  }

  /**
   * Dependent, not a singleton: the pages' view and session beans may only hold passivation-capable
   * dependencies, and a serializable value from a dependent producer is one.
   */
  @Produces
  OathSettings settings() {
    return value;
  }
}
