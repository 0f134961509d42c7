package org.countersign.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.config.Settings;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.token.UserRights;
import org.countersign.user.AdminAccounts;
import org.countersign.user.UserStore;
import org.countersign.validate.CheckRequest;
import org.countersign.validate.ValidationService;
import org.countersign.validate.Verdict;

/**
 * Who is calling: logs in ({@code POST /auth}) and resolves the JWT of later calls. A token of a
 * deleted account stops working at once, since every call checks that the account still exists.
 *
 * <p>A user who owns a usable token signs in in two steps, so that a phished password alone opens
 * nothing: the password opens a challenge for each of their tokens ({@link Login.SecondStep}); the
 * same user name with the transaction id and a code (or nothing, once their app has answered)
 * completes it. Only a user without a usable token gets a session from the password alone, to enrol
 * a first one, and that session ends as soon as they have one.
 *
 * <p>Every password check is throttled by {@link PasswordThrottle}: a refused attempt gets 429 with
 * {@code Retry-After} before its password is looked at, whether or not the account exists.
 */
@ApplicationScoped
public class Authentication {

  @Inject AdminAccounts admins;
  @Inject UserStore users;
  @Inject JwtService jwt;
  @Inject AuditLog audit;
  @Inject ValidationService validation;
  @Inject Settings settings;
  @Inject UserRights userRights;
  @Inject PasswordThrottle throttle;

  /**
   * Step one: an admin's password, or a user's; 401 with code 4031 when neither matches, 429 while
   * the throttle refuses this account or address.
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public Login login(String username, String password, Optional<String> realm, Origin origin) {
    AuditEntry entry = audit.entry("auth", origin).user(realm.orElse(null), username);
    var attempt =
        new PasswordThrottle.Attempt(
            realm.orElse(settings.defaultRealm()), username, origin.client());
    Optional<Duration> refused = throttle.refusal(attempt);
    if (refused.isPresent()) {
      audit.write(entry.outcome(false, "REJECT", "throttled: too many failed password checks"));
      throw new DomainException(
          Reason.THROTTLED, "Too many failed sign-ins. Try again later.", refused.get());
    }
    if (users.realm(realm).isEmpty()) {
      throttle.failed(attempt);
    }
    String r = knownRealm(realm, entry);
    // As in privacyIDEA, a local administrator signs in whatever (existing) realm is named: service
    // accounts of
    // the plug-ins send their users' realm.
    if (admins.authenticate(username, password).isPresent()) {
      throttle.succeeded(attempt);
      audit.write(entry.outcome(true, "ACCEPT", "administrator"));
      return granted(new Caller(username, "", Role.ADMIN, origin.client()), AuthType.PASSWORD);
    }
    if (users.authenticate(r, username, password).isEmpty()) {
      throttle.failed(attempt);
      throw rejected(entry, null);
    }
    throttle.succeeded(attempt);
    Caller user = new Caller(username, r, Role.USER, origin.client());
    if (validation.hasUsableToken(r, username)) {
      Optional<Verdict.Challenged> challenged = validation.challengeSignIn(r, username);
      if (challenged.isEmpty()) {
        throw rejected(entry, "password right, but no token can be challenged");
      }
      audit.write(entry.outcome(false, "CHALLENGE", "second factor required"));
      return new Login.SecondStep(challenged.get());
    }
    if (!settings.selfEnrolment()) {
      audit.write(entry.outcome(false, "REJECT", "no usable token and self-enrolment is off"));
      throw DomainException.forbidden(
          "This account has no token, and self-enrolment is turned off.");
    }
    audit.write(entry.outcome(true, "ACCEPT", "password alone: no usable token"));
    return granted(user, AuthType.PASSWORD);
  }

  /**
   * Step two: the answer to the challenges step one opened for this user: a code of one of their
   * tokens, or empty once their app has answered. The check is the one backends use (one
   * conditional update; a wrong code counts as a failure of the token) and is audited as such.
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public Login answer(
      String username, Optional<String> realm, String transactionId, String answer, Origin origin) {
    AuditEntry entry = audit.entry("auth", origin).user(realm.orElse(null), username);
    String r = knownRealm(realm, entry);
    Verdict verdict =
        validation.check(CheckRequest.signIn(r, username, transactionId, answer), origin);
    if (!(verdict instanceof Verdict.Accepted)) {
      throw new DomainException(
          Reason.WRONG_CREDENTIALS, "Authentication failure. Wrong credentials");
    }
    return granted(new Caller(username, r, Role.USER, origin.client()), AuthType.SECOND_FACTOR);
  }

  /** The caller behind an Authorization header value (raw JWT, {@code Bearer } tolerated). */
  public Caller resolve(String header, String client) {
    if (header == null || header.isBlank()) {
      throw new DomainException(
          Reason.MISSING_AUTHORIZATION, "Authentication failure. Missing Authorization header.");
    }
    String token = header.strip();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).strip();
    }
    JwtService.Claims claims = jwt.verify(token, client);
    boolean exists =
        claims.role() == Role.ADMIN
            ? admins.exists(claims.username())
            : users.find(claims.realm(), claims.username()).isPresent();
    if (!exists) {
      throw new DomainException(Reason.WRONG_CREDENTIALS, "Authentication failure. Invalid JWT.");
    }
    if (claims.role() == Role.USER
        && claims.authType() == AuthType.PASSWORD
        && validation.hasUsableToken(claims.realm(), claims.username())) {
      throw new DomainException(
          Reason.WRONG_CREDENTIALS,
          "Authentication failure. This account has a token now: sign in again with it.");
    }
    return new Caller(claims.username(), claims.realm(), claims.role(), client);
  }

  private String knownRealm(Optional<String> realm, AuditEntry entry) {
    Optional<String> r = users.realm(realm);
    if (r.isEmpty()) {
      audit.write(entry.outcome(false, "REJECT", "unknown realm"));
      throw new DomainException(
          Reason.WRONG_CREDENTIALS,
          "Authentication failure. Unknown realm: " + realm.orElse("") + ".");
    }
    return r.get();
  }

  private DomainException rejected(AuditEntry entry, String why) {
    audit.write(entry.outcome(false, "REJECT", why));
    return new DomainException(
        Reason.WRONG_CREDENTIALS, "Authentication failure. Wrong credentials");
  }

  private Login granted(Caller caller, AuthType type) {
    List<String> rights =
        caller.isAdmin()
            ? Role.ADMIN.rights()
            : userRights.of(caller.realm(), caller.username(), caller.client());
    return new Login.Granted(
        caller,
        type,
        rights,
        jwt.issue(caller.username(), caller.realm(), caller.role(), type, rights));
  }

  /** What a login step gives: a session, or the challenges of the second step. */
  public sealed interface Login {
    /** A session: the caller and their JWT. */
    record Granted(Caller caller, AuthType authType, List<String> rights, JwtService.Issued jwt)
        implements Login {}

    /** The password was right; now one of the user's tokens must answer one of these challenges. */
    record SecondStep(Verdict.Challenged challenges) implements Login {}
  }
}
