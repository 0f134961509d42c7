package org.countersign.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.countersign.config.Settings;

/**
 * Bounds the password hashing done at once, so that a flood of sign-ins cannot take every request
 * thread and every core from the checks of second factors, which hash nothing slow. At most {@link
 * Settings#PASSWORD_CONCURRENCY} hashes run; up to {@link Settings#PASSWORD_QUEUE} more wait for a
 * slot; any further one fails at once with {@link PasswordHashingBusy}, as does one that waits
 * longer than {@link #MAX_WAIT_SECONDS}.
 *
 * <pre>{@code
 * boolean ok = slots.run(() -> hasher.matches(password, stored));
 * }</pre>
 */
@ApplicationScoped
public class HashingSlots {

  static final long MAX_WAIT_SECONDS = 10;

  @Inject Settings settings;

  /** Running and waiting together: the admission, refused at once when full. */
  private Semaphore admitted;

  private Semaphore running;

  @PostConstruct
  void init() {
    running = new Semaphore(settings.passwordConcurrency(), true);
    admitted = new Semaphore(settings.passwordConcurrency() + settings.passwordQueue());
  }

  /** How many checks wait for a slot now. */
  int waiting() {
    return running.getQueueLength();
  }

  public <T> T run(Supplier<T> hashing) {
    if (!admitted.tryAcquire()) {
      throw new PasswordHashingBusy();
    }
    try {
      if (!running.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new PasswordHashingBusy();
      }
      try {
        return hashing.get();
      } finally {
        running.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PasswordHashingBusy();
    } finally {
      admitted.release();
    }
  }
}
