package org.countersign.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.countersign.config.Configuration;

/** Settings of the self-service pages, read once at start-up. */
@ApplicationScoped
public class WebSettings {

  /**
   * Minutes during which an unfinished authenticator-app set-up can be resumed with the same
   * secret; an older one starts afresh. Default 15, 1 to 1440.
   */
  public static final String RESUME_MINUTES = "countersign.ui.resume.minutes";

  private Duration resumeWindow;

  @PostConstruct
  void read() {
    Configuration c = Configuration.current();
    resumeWindow = Duration.ofMinutes(c.integer(RESUME_MINUTES, 15, 1, 1440));
  }

  public Duration resumeWindow() {
    return resumeWindow;
  }
}
