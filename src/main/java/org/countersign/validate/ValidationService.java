package org.countersign.validate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.challenge.Purpose;
import org.countersign.config.Settings;
import org.countersign.crypto.KeyRing;
import org.countersign.token.Lockout;
import org.countersign.token.OwnedTokens;
import org.countersign.token.Token;
import org.countersign.token.TokenRepository;
import org.countersign.user.UserStore;

/**
 * {@code /validate/check}: finds the tokens, checks PIN and code, and records the outcome
 * atomically with its audit row.
 *
 * <p>Walk-through for a user with a TOTP token and PIN {@code 1234}: the client sends {@code
 * pass=1234287082}; the last {@code otplen} characters are the code, the rest the PIN. The PIN is
 * checked against its keyed hash; the type finds the time step the code belongs to; one {@code
 * UPDATE ... WHERE last_counter < step} then accepts it. A second request with the same code finds
 * the step no longer above the last accepted one: that is a replay, answered exactly like a wrong
 * code and recorded as a replay in the audit trail.
 */
@ApplicationScoped
public class ValidationService {

  @Inject TokenRepository tokens;
  @Inject OwnedTokens owned;
  @Inject CodeMatcher codes;
  @Inject UserStore users;
  @Inject KeyRing keys;
  @Inject Settings settings;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject ChallengeStep challenges;
  @Inject org.countersign.challenge.ChallengeService challengeService;
  @Inject org.countersign.ops.Outcomes outcomes;
  @Inject CheckPolicies checkPolicies;
  @Inject Lockout lockout;

  @Transactional
  public Verdict check(CheckRequest request, Origin origin) {
    Instant now = clock.instant();
    Attempt attempt = new Attempt(audit.entry(auditAction(request.purpose()), origin), request);
    Optional<List<Token>> found = candidates(request, attempt);
    CheckPolicy policy = policyFor(request, found, origin);
    if (found.isEmpty()) {
      keys.pins().matches(request.pass(), null);
      if (policy.passOnNoUser().isPresent()
          && request.serial().isEmpty()
          && users.realm(request.realm()).isPresent()) {
        return attempt.pass(
            "user does not exist, accepted due to '" + policy.passOnNoUser().get() + "'");
      }
      return attempt.reject(null);
    }
    List<Token> owned = found.get();
    if (request.transactionId().isPresent()) {
      return challenges.finalise(request.transactionId().get(), owned, attempt);
    }
    if (owned.isEmpty() && policy.passOnNoToken().isPresent()) {
      return attempt.pass(
          "user has no token, accepted due to '" + policy.passOnNoToken().get() + "'");
    }
    List<Token> enabled = owned.stream().filter(Token::usable).toList();
    if (enabled.isEmpty()) {
      return attempt.reject(owned.isEmpty() ? "no tokens" : "no usable tokens");
    }
    List<Token> usable = admitted(enabled, now);
    if (usable.isEmpty()) {
      keys.pins().matches(request.pass(), null);
      return attempt.lockedOut(enabled, now);
    }
    PinCheck pins = new PinCheck(policy.pin(), keys, users);
    List<Candidate> pinMatched = new ArrayList<>();
    for (Token token : usable) {
      Optional<String> otp = otpAfterPin(token, request.pass(), pins);
      otp.ifPresent(code -> pinMatched.add(new Candidate(token, code)));
    }
    Optional<Verdict> challenged =
        challenges.trigger(
            usable, t -> pins.matches(t, request.pass()), policy.challengeTypes(), attempt);
    if (challenged.isPresent()) {
      return challenged.get();
    }
    if (pinMatched.isEmpty()) {
      if (settings.pinFailureCounts()) {
        tokens.recordFailure(usable);
      }
      return attempt.reject("wrong otp pin");
    }
    return checkCodes(pinMatched, now, attempt);
  }

  /**
   * {@code /validate/triggerchallenge}: opens challenges for the addressed user's (or serial's)
   * usable challenge-capable tokens without asking for a PIN. Empty when there is nothing to
   * challenge.
   */
  @Transactional
  public Optional<Verdict.Challenged> trigger(CheckRequest request, Origin origin) {
    Attempt attempt = new Attempt(audit.entry("validate_triggerchallenge", origin), request);
    List<Token> usable =
        candidates(request, attempt).orElse(List.of()).stream().filter(Token::usable).toList();
    Optional<Verdict.Challenged> opened = challenges.openOwn(usable);
    if (opened.isPresent()) {
      attempt.challenged(opened.get());
    } else {
      attempt.reject("nothing to challenge");
    }
    return opened;
  }

  /**
   * {@code /validate/polltransaction}: whether a challenge of the transaction has been answered.
   */
  @Transactional
  public boolean answered(String transactionId) {
    return challengeService.answered(transactionId);
  }

  /**
   * The second step of a sign-in after a correct password: opens a challenge for each of the
   * person's usable tokens (a code to type, or an app to answer), to be answered with {@link
   * #check} and a {@link CheckRequest#signIn} request. Empty when the person has no usable token.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Verdict.Challenged> challengeSignIn(String realm, String username) {
    return challenges.openForSignIn(usableTokens(realm, username));
  }

  /**
   * Whether the person has a token that can authenticate: then a sign-in needs it as well as the
   * password.
   */
  @Transactional
  public boolean hasUsableToken(String realm, String username) {
    return hasUsableTokenBesides(realm, username, Set.of());
  }

  /**
   * Like {@link #hasUsableToken}, not counting the tokens of these serials (enrolled in the asking
   * session).
   */
  @Transactional
  public boolean hasUsableTokenBesides(String realm, String username, Set<String> serials) {
    return usableTokens(realm, username).stream().anyMatch(t -> !serials.contains(t.serial()));
  }

  /**
   * The person's enabled, rolled-out tokens, locked or not: a locked token still stands for a
   * second factor (the person does not sign in without it); it opens no challenge (see {@code
   * ChallengeService#open}).
   */
  private List<Token> usableTokens(String realm, String username) {
    return owned.of(realm, username).orElse(List.of()).stream().filter(Token::usable).toList();
  }

  /**
   * The tokens that take this attempt (see {@link Lockout}); the others take no part in it, not
   * even in the PIN check. For a token inside its delay the attempt counts as a failure without
   * being checked.
   */
  private List<Token> admitted(List<Token> enabled, Instant now) {
    List<Token> open = new ArrayList<>();
    List<Token> delayed = new ArrayList<>();
    for (Token token : enabled) {
      switch (lockout.state(token, now)) {
        case OPEN -> open.add(token);
        case DELAYED -> delayed.add(token);
        case LOCKED -> {}
      }
    }
    tokens.recordFailure(delayed);
    return open;
  }

  private static String auditAction(Purpose purpose) {
    return purpose == Purpose.SIGN_IN ? "auth_second_factor" : "validate_check";
  }

  private Verdict checkCodes(List<Candidate> pinMatched, Instant now, Attempt attempt) {
    boolean replay = false;
    for (Candidate c : pinMatched) {
      OptionalLong counter = codes.match(c.token(), c.otp());
      if (counter.isEmpty()) {
        continue;
      }
      Token token = c.token();
      attempt.entry().token(token.serial(), token.type());
      if (counter.getAsLong() <= token.lastCounter()) {
        replay = true;
        continue;
      }
      if (tokens.accept(token, counter.getAsLong(), LocalDateTime.ofInstant(now, ZoneOffset.UTC))) {
        outcomes.accepted();
        audit.write(attempt.entry().outcome(true, "ACCEPT", null));
        return new Verdict.Accepted(token.serial(), token.type(), token.otpLen());
      }
      replay = true;
    }
    tokens.recordFailure(pinMatched.stream().map(Candidate::token).toList());
    if (replay) {
      outcomes.replayed();
    }
    return attempt.reject(replay ? "replay: code already used" : "wrong otp value");
  }

  /**
   * The OTP part of the pass if its PIN part is right for this token; only for types that take
   * codes.
   */
  private Optional<String> otpAfterPin(Token token, String pass, PinCheck pins) {
    if (!codes.takesCodes(token) || pass.length() < token.otpLen()) {
      return Optional.empty();
    }
    int split = pass.length() - token.otpLen();
    return pins.matches(token, pass.substring(0, split))
        ? Optional.of(pass.substring(split))
        : Optional.empty();
  }

  /**
   * The authentication policies for this check, matched on the named user or, for a serial, the
   * token's owner. They shape a backend's check only: the second step of a sign-in always takes a
   * token.
   */
  private CheckPolicy policyFor(CheckRequest request, Optional<List<Token>> found, Origin origin) {
    if (request.purpose() != Purpose.CHECK) {
      return CheckPolicy.DEFAULT;
    }
    if (request.serial().isPresent()) {
      Optional<Token> token = found.flatMap(list -> list.stream().findFirst());
      return checkPolicies.forOwner(
          token.flatMap(Token::realm), token.flatMap(Token::username), origin.client());
    }
    return checkPolicies.forOwner(users.realm(request.realm()), request.user(), origin.client());
  }

  /** The tokens the request addresses; empty when the user, realm or serial is unknown. */
  private Optional<List<Token>> candidates(CheckRequest request, Attempt attempt) {
    if (request.serial().isPresent()) {
      Optional<Token> token = tokens.bySerial(request.serial().get());
      token.ifPresent(t -> attempt.entry().user(t.realm().orElse(null), t.username().orElse(null)));
      if (token.isPresent()
          && request.user().isPresent()
          && !request.user().equals(token.get().username())) {
        return Optional.empty();
      }
      return token.map(List::of);
    }
    Optional<String> realm = users.realm(request.realm());
    attempt.entry().user(realm.orElse(request.realm().orElse(null)), request.user().orElse(null));
    if (realm.isEmpty()) {
      return Optional.empty();
    }
    // Tokens name their owner, so one query serves the common case; the user is looked up only to
    // tell an unknown user from one without tokens (both are rejected alike; only the audit row
    // differs) and to find the tokens of a directory user the directory has renamed.
    return owned.of(realm.get(), request.user().get());
  }

  private record Candidate(Token token, String otp) {}

  /** One authentication in progress: its audit entry, written once with the final outcome. */
  public final class Attempt {
    private final AuditEntry entry;
    private final CheckRequest request;

    Attempt(AuditEntry entry, CheckRequest request) {
      this.entry = entry;
      this.request = request;
    }

    public AuditEntry entry() {
      return entry;
    }

    public CheckRequest request() {
      return request;
    }

    public Verdict reject(String why) {
      outcomes.rejected();
      audit.write(
          entry.outcome(false, "REJECT", why == null ? "unknown user, realm or serial" : why));
      return Verdict.rejected();
    }

    public Verdict pass(String message) {
      outcomes.accepted();
      audit.write(entry.outcome(true, "ACCEPT", message));
      return new Verdict.Passed(message);
    }

    /**
     * The ordinary reject, for tokens that took no part because {@link Lockout} held them: audited
     * as a lock-out, answered like a wrong code.
     */
    public Verdict lockedOut(List<Token> held, Instant now) {
      if (held.size() == 1) {
        entry.token(held.get(0).serial(), held.get(0).type());
      }
      boolean locked = held.stream().anyMatch(t -> lockout.locks(t, now));
      outcomes.lockedOut();
      audit.write(
          entry.outcome(
              false, "REJECT", locked ? "failcounter exceeded" : "too soon after failures"));
      return Verdict.rejected();
    }

    public Verdict accept(Token token) {
      outcomes.accepted();
      audit.write(entry.token(token.serial(), token.type()).outcome(true, "ACCEPT", null));
      return new Verdict.Accepted(token.serial(), token.type(), token.otpLen());
    }

    public Verdict challenged(Verdict.Challenged verdict) {
      audit.write(entry.outcome(false, "CHALLENGE", verdict.challenges().size() + " challenge(s)"));
      return verdict;
    }
  }
}
