package org.countersign.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.countersign.config.Configuration;

/** Settings of the self-service pages, read once at start-up. */
@ApplicationScoped
public class WebSettings {

  /**
   * Minutes during which an unfinished authenticator-app set-up can be resumed with the same secret; an older one
   * starts afresh. Default 15, 1 to 1440.
   */
  public static final String RESUME_MINUTES = "countersign.ui.resume.minutes";
  /** Failed sign-ins of one user name from one client address before sign-in is refused for a while. Default 5. */
  public static final String SIGNIN_MAX_FAILURES = "countersign.ui.signin.maxfailures";
  /**
   * Seconds the first refusal lasts; it doubles with every further failure, up to 15 minutes. Default 30.
   */
  public static final String SIGNIN_LOCK_SECONDS = "countersign.ui.signin.lockseconds";

  private Duration resumeWindow;
  private int signInMaxFailures;
  private Duration signInLock;

  @PostConstruct
  void read() {
    Configuration c = Configuration.current();
    resumeWindow = Duration.ofMinutes(c.integer(RESUME_MINUTES, 15, 1, 1440));
    signInMaxFailures = c.integer(SIGNIN_MAX_FAILURES, 5, 1, 100);
    signInLock = Duration.ofSeconds(c.integer(SIGNIN_LOCK_SECONDS, 30, 1, 900));
  }

  public Duration resumeWindow() {
    return resumeWindow;
  }

  public int signInMaxFailures() {
    return signInMaxFailures;
  }

  public Duration signInLock() {
    return signInLock;
  }
}
