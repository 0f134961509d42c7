package org.countersign.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Produces the clock and the random source, so that nothing reads the time or makes randomness
 * inline.
 */
@ApplicationScoped
public class Platform {

  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();

  @Produces
  Clock clock() {
    return clock;
  }

  @Produces
  SecureRandom random() {
    return random;
  }
}
