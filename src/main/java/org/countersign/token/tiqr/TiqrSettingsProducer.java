package org.countersign.token.tiqr;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.countersign.config.Configuration;

/** Makes the {@link TiqrSettings} of the running application injectable, read once at start-up. */
@ApplicationScoped
public class TiqrSettingsProducer {

  private TiqrSettings value;

  @PostConstruct
  void read() {
    value = TiqrSettings.from(Configuration.current());
  }

  /**
   * Dependent, not a singleton: the pages' view and session beans may only hold passivation-capable
   * dependencies, and a serializable value from a dependent producer is one.
   */
  @Produces
  TiqrSettings settings() {
    return value;
  }
}
