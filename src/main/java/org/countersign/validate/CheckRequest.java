package org.countersign.validate;

import java.util.Optional;
import org.countersign.api.Params;
import org.countersign.challenge.Purpose;
import org.countersign.error.DomainException;

/**
 * A {@code /validate/check} request: whose tokens ({@code user} with optional {@code realm}, or
 * {@code serial}), the {@code pass} (PIN followed by OTP) and, when answering a challenge, the
 * {@code transaction_id}. The purpose says which challenges the transaction id may refer to: a
 * backend's check, or the second step of a sign-in.
 */
public record CheckRequest(
    Optional<String> user,
    Optional<String> realm,
    Optional<String> serial,
    String pass,
    Optional<String> transactionId,
    Purpose purpose) {

  /** A backend's check. */
  public CheckRequest(
      Optional<String> user,
      Optional<String> realm,
      Optional<String> serial,
      String pass,
      Optional<String> transactionId) {
    this(user, realm, serial, pass, transactionId, Purpose.CHECK);
  }

  /**
   * The second step of a sign-in: the answer (a code, or empty after an app answered) to a sign-in
   * challenge.
   */
  public static CheckRequest signIn(
      String realm, String user, String transactionId, String answer) {
    return new CheckRequest(
        Optional.of(user),
        Optional.of(realm),
        Optional.empty(),
        answer,
        Optional.of(transactionId),
        Purpose.SIGN_IN);
  }

  public static CheckRequest from(Params p) {
    Optional<String> user = p.optional("user").filter(s -> !s.isEmpty());
    Optional<String> serial = p.optional("serial").filter(s -> !s.isEmpty());
    if (user.isEmpty() && serial.isEmpty()) {
      throw DomainException.missing("user");
    }
    return new CheckRequest(
        user,
        p.optional("realm").filter(s -> !s.isEmpty()),
        serial,
        p.present("pass"),
        p.optional("transaction_id").filter(s -> !s.isEmpty()));
  }

  /** The target of {@code /validate/triggerchallenge}: a user or a serial, no pass. */
  public static CheckRequest target(Params p) {
    Optional<String> user = p.optional("user").filter(s -> !s.isEmpty());
    Optional<String> serial = p.optional("serial").filter(s -> !s.isEmpty());
    if (user.isEmpty() && serial.isEmpty()) {
      throw DomainException.missing("user");
    }
    return new CheckRequest(
        user, p.optional("realm").filter(s -> !s.isEmpty()), serial, "", Optional.empty());
  }

  @Override
  public String toString() {
    return "CheckRequest["
        + user.orElse("")
        + "@"
        + realm.orElse("")
        + ", serial "
        + serial.orElse("")
        + "]";
  }
}
