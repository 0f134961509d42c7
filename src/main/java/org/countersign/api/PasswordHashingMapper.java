package org.countersign.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;
import org.countersign.user.PasswordHashingBusy;

/** Every password-hashing slot is taken: 503 in the envelope, with {@code Retry-After: 1}. */
@Provider
public class PasswordHashingMapper implements ExceptionMapper<PasswordHashingBusy> {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  @Inject Responses responses;

  @Override
  public Response toResponse(PasswordHashingBusy e) {
    return reply(responses);
  }

  static Response reply(Responses responses) {
    return responses.error(
        ErrorCode.UNAVAILABLE,
        "Too many sign-ins at once, try again shortly",
        Optional.of(RETRY_AFTER));
  }

  /**
   * Whether a failure, perhaps wrapped by a transaction boundary, is a {@link PasswordHashingBusy}.
   */
  static boolean busy(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof PasswordHashingBusy) {
        return true;
      }
    }
    return false;
  }
}
