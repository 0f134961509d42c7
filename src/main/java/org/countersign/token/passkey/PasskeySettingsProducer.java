package org.countersign.token.passkey;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.countersign.config.Configuration;

/** Makes the {@link PasskeySettings} of the running application injectable, read at start-up. */
@ApplicationScoped
public class PasskeySettingsProducer {

  private PasskeySettings value;

  @PostConstruct
  void read() {
    value = PasskeySettings.from(Configuration.current());
  }

  /** Dependent, so that the pages' passivating beans may hold the (serializable) value. */
  @Produces
  PasskeySettings settings() {
    return value;
  }
}
