package org.countersign.api;

import java.util.Optional;
import org.countersign.challenge.Purpose;
import org.countersign.error.DomainException;
import org.countersign.token.EnrolmentRequest;
import org.countersign.validate.CheckRequest;

/**
 * Turns privacyIDEA's request parameters into the typed requests the services take. Missing or
 * malformed parameters are reported here, in the API's own words.
 */
final class Commands {

  private Commands() {}

  /** A {@code /validate/check}: {@code user} (with optional {@code realm}) or {@code serial}. */
  static CheckRequest check(Params p) {
    Optional<String> user = nonEmpty(p, "user");
    Optional<String> serial = nonEmpty(p, "serial");
    if (user.isEmpty() && serial.isEmpty()) {
      throw DomainException.missing("user");
    }
    return new CheckRequest(
        user,
        nonEmpty(p, "realm"),
        serial,
        p.present("pass"),
        nonEmpty(p, "transaction_id"),
        Purpose.CHECK);
  }

  /** The target of {@code /validate/triggerchallenge}: a user or a serial, no pass. */
  static CheckRequest target(Params p) {
    Optional<String> user = nonEmpty(p, "user");
    Optional<String> serial = nonEmpty(p, "serial");
    if (user.isEmpty() && serial.isEmpty()) {
      throw DomainException.missing("user");
    }
    return new CheckRequest(
        user, nonEmpty(p, "realm"), serial, "", Optional.empty(), Purpose.CHECK);
  }

  /**
   * A {@code /token/init} without {@code verify}: the core's fields, and the whole parameter set
   * for the type to read its own.
   */
  static EnrolmentRequest enrolment(Params p) {
    return new EnrolmentRequest(
        p.optional("type"),
        nonEmpty(p, "serial"),
        nonEmpty(p, "user"),
        p.optional("realm"),
        p.optional("description").orElse(""),
        p.optional("pin").orElse(""),
        p);
  }

  private static Optional<String> nonEmpty(Params p, String name) {
    return p.optional(name).filter(s -> !s.isEmpty());
  }
}
