package org.countersign.token;

import java.util.Optional;
import org.countersign.token.spi.Parameters;

/**
 * A request to enrol a token: its type (privacyIDEA's default {@code hotp} when absent), a chosen
 * serial or none for a generated one, the owner ({@code user} in {@code realm}, or the caller), the
 * description and PIN, and the parameters the type reads for itself.
 */
public record EnrolmentRequest(
    Optional<String> type,
    Optional<String> serial,
    Optional<String> user,
    Optional<String> realm,
    String description,
    String pin,
    Parameters parameters) {

  /** A self-service enrolment of the caller's own token of this type. */
  public static EnrolmentRequest own(String type, String description, Parameters parameters) {
    return new EnrolmentRequest(
        Optional.of(type),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        description == null ? "" : description,
        "",
        parameters);
  }

  @Override
  public String toString() {
    return "EnrolmentRequest[" + type.orElse("") + ", " + serial.orElse("") + "]";
  }
}
