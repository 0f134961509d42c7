package org.countersign.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.auth.Caller;
import org.countersign.auth.PasswordThrottle;
import org.countersign.auth.Role;
import org.countersign.challenge.IssuedChallenge;
import org.countersign.config.Settings;
import org.countersign.directory.DirectoryException;
import org.countersign.resolver.Realm;
import org.countersign.resolver.Realms;
import org.countersign.user.PasswordHashingBusy;
import org.countersign.user.UserStore;
import org.countersign.validate.CheckRequest;
import org.countersign.validate.ValidationService;
import org.countersign.validate.Verdict;

/**
 * Signs a person of the user store in and out of the self-service pages, throttled by the same
 * {@link PasswordThrottle} as {@code POST /auth} (one count per account and per address, shared by
 * both) and recorded in the audit trail as {@code ui_login} and {@code ui_logout}. Like {@code POST
 * /auth}, a person who owns a usable token signs in in two steps: the password, then a code or the
 * tiqr app's answer.
 */
@ApplicationScoped
public class SignInService {

  @Inject UserStore users;
  @Inject Realms realms;
  @Inject PasswordThrottle throttle;
  @Inject AuditLog audit;
  @Inject Settings settings;
  @Inject ValidationService validation;

  /** The realms a person may choose from at sign-in. */
  public List<String> realms() {
    String def = realms.defaultName();
    List<String> out = new java.util.ArrayList<>(List.of(def));
    realms.list().stream().map(Realm::name).filter(n -> !n.equals(def)).forEach(out::add);
    return out;
  }

  @Transactional
  public Outcome signIn(String realm, String username, String password, String client) {
    var entry = audit.entry("ui_login", Origin.anonymous(client)).user(realm, username);
    var attempt =
        new PasswordThrottle.Attempt(
            realm == null ? settings.defaultRealm() : realm, username, client);
    Optional<Duration> refused = throttle.refusal(attempt);
    if (refused.isPresent()) {
      audit.write(entry.outcome(false, "REJECT", "throttled: too many failed password checks"));
      return new Throttled(refused.get());
    }
    Optional<String> knownRealm = users.realm(Optional.ofNullable(realm));
    boolean ok;
    try {
      ok =
          knownRealm.isPresent()
              && users.authenticate(knownRealm.get(), username, password).isPresent();
    } catch (PasswordHashingBusy e) {
      audit.write(entry.outcome(false, "REJECT", "busy: too many password checks at once"));
      return new Busy();
    } catch (DirectoryException e) {
      // the person's directory does not answer: "try again in a moment", not "wrong password"
      audit.write(entry.outcome(false, "REJECT", "the user directory did not answer"));
      return new Busy();
    }
    if (!ok) {
      audit.write(entry.outcome(false, "REJECT", null));
      throttle.failed(attempt);
      return new Rejected();
    }
    throttle.succeeded(attempt);
    Caller caller = new Caller(username, knownRealm.get(), Role.USER, client);
    if (validation.hasUsableToken(caller.realm(), username)) {
      Optional<Verdict.Challenged> challenged =
          validation.challengeSignIn(caller.realm(), username);
      audit.write(
          entry.outcome(
              false,
              challenged.isPresent() ? "CHALLENGE" : "REJECT",
              challenged.isPresent()
                  ? "second factor required"
                  : "second factor required: no token of the user can be challenged"));
      return challenged.<Outcome>map(c -> SecondStep.of(caller, c)).orElseGet(NoChallenge::new);
    }
    if (!settings.selfEnrolment()) {
      audit.write(entry.outcome(false, "REJECT", "no usable token and self-enrolment is off"));
      return new NoSelfEnrolment();
    }
    audit.write(entry.outcome(true, "ACCEPT", "password alone: no usable token"));
    return new Accepted(caller, false);
  }

  /**
   * The second step: a code of one of the person's tokens, or empty once their app has answered.
   * Checked like a backend's check of the transaction the password opened, and audited there.
   */
  @Transactional
  public Outcome answer(SecondStep step, String code, String client) {
    Caller caller = new Caller(step.username(), step.realm(), Role.USER, client);
    Verdict verdict =
        validation.check(
            CheckRequest.signIn(step.realm(), step.username(), step.transactionId(), code),
            caller.origin());
    return verdict instanceof Verdict.Accepted ? new Accepted(caller, true) : new Rejected();
  }

  /** Whether the app of one of the person's tokens has answered the sign-in challenge. */
  public boolean answered(SecondStep step) {
    return validation.answered(step.transactionId());
  }

  /**
   * Whether a session opened with the password alone must end: the person has a usable token now
   * that was not enrolled in this session.
   */
  public boolean needsSecondFactor(String realm, String username, Set<String> enrolledHere) {
    return validation.hasUsableTokenBesides(realm, username, enrolledHere);
  }

  @Transactional
  public void signedOut(Caller caller) {
    audit.write(
        audit
            .entry("ui_logout", caller.origin())
            .user(caller.realm(), caller.username())
            .outcome(true, "OK", null));
  }

  /** What became of a sign-in. */
  public sealed interface Outcome {}

  /**
   * Signed in; {@code secondFactor} says whether a token answered, or the password alone sufficed.
   */
  public record Accepted(Caller caller, boolean secondFactor) implements Outcome {}

  /**
   * The password was right; one of the person's tokens must now answer: a typed code when {@code
   * takesCode}, or the tiqr app, which scans {@code qrImage}.
   */
  public record SecondStep(
      String realm, String username, String transactionId, boolean takesCode, String qrImage)
      implements Outcome, java.io.Serializable {

    static SecondStep of(Caller caller, Verdict.Challenged c) {
      boolean code = c.challenges().stream().anyMatch(ch -> "interactive".equals(ch.clientMode()));
      String image =
          c.challenges().stream()
              .map(IssuedChallenge::image)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      return new SecondStep(caller.realm(), caller.username(), c.transactionId(), code, image);
    }
  }

  /**
   * The password was right, but the person's usable tokens take no challenge here, such as a
   * passkey, which signs in on its own.
   */
  public record NoChallenge() implements Outcome {}

  /** No usable token, and the operator has turned self-enrolment off. */
  public record NoSelfEnrolment() implements Outcome {}

  /** Wrong user name, realm or password; the page does not say which. */
  public record Rejected() implements Outcome {}

  /**
   * Too many failed password checks of this account or from this address; the password was not
   * checked.
   */
  public record Throttled(Duration retryAfter) implements Outcome {}

  /** Too many password checks at once on this node; the password was not checked. */
  public record Busy() implements Outcome {}
}
