package org.countersign.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the core {@link Settings} of the running application injectable, read once at start-up. */
@ApplicationScoped
public class SettingsProducer {

  private Settings value;

  @PostConstruct
  void read() {
    value = Settings.from(Configuration.current());
  }

  /**
   * Dependent, not a singleton: the pages' view and session beans may only hold passivation-capable
   * dependencies, and a serializable value from a dependent producer is one.
   */
  @Produces
  Settings settings() {
    return value;
  }
}
