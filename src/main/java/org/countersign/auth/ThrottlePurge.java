package org.countersign.auth;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets idle password-throttle rows every ten minutes. Non-persistent, so every node runs its
 * own: the purge is one bulk DELETE of rows that are neither locked nor recently failed, idempotent
 * when two nodes run it at once.
 */
@Singleton
public class ThrottlePurge {

  private static final Logger LOG = Logger.getLogger(ThrottlePurge.class.getName());

  @Inject PasswordThrottle throttle;

  @Schedule(
      second = "30",
      minute = "*/10",
      hour = "*",
      persistent = false,
      info = "purge idle throttle rows")
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void purge() {
    int purged = throttle.purge();
    if (purged > 0) {
      LOG.log(Level.FINE, "Forgot {0} idle password-throttle row(s)", purged);
    }
  }
}
