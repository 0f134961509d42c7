package org.countersign.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import org.countersign.config.Settings;
import org.countersign.crypto.PasswordHasher;

/**
 * The password hasher configured for this server. Every check of a password takes a {@link
 * HashingSlots} slot, so that a flood of sign-ins gets {@link PasswordHashingBusy} instead of
 * starving other requests. Hashing a new password (an administrator creating an account, the first
 * start) takes none: no one reaches it unauthenticated, and a bulk import should not fail for want
 * of a slot.
 */
@ApplicationScoped
public class Passwords {

  /** Shortest password the user store accepts. */
  public static final int MIN_LENGTH = 8;

  @Inject Settings settings;
  @Inject SecureRandom random;
  @Inject HashingSlots slots;
  private PasswordHasher hasher;

  @PostConstruct
  void init() {
    hasher = new PasswordHasher(settings.passwordIterations(), random);
  }

  public String hash(String password) {
    return hasher.hash(password);
  }

  /** Constant-time; a null stored hash costs as much as a real one and never matches. */
  public boolean matches(String password, String storedOrNull) {
    return slots.run(() -> hasher.matches(password, storedOrNull));
  }
}
