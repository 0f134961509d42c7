package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.countersign.ops.Outcomes;
import org.countersign.token.spi.TokenType;

/**
 * Declares the enrolment counter of every installed token type at zero when the application starts.
 */
@ApplicationScoped
public class EnrolmentCounters {

  @Inject TokenTypes types;
  @Inject Outcomes outcomes;

  void declareAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    outcomes.declareEnrolments(types.all().stream().map(TokenType::name).toList());
  }
}
