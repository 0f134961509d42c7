package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.countersign.audit.AuditLog;
import org.countersign.auth.Caller;
import org.countersign.config.Settings;
import org.countersign.crypto.KeyRing;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.policy.CoreActions;
import org.countersign.policy.Decision;
import org.countersign.policy.Policies;
import org.countersign.policy.PolicyRefusal;
import org.countersign.policy.PolicyRequest;
import org.countersign.policy.Scope;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.OtpToken;
import org.countersign.token.spi.OtpVerifier;
import org.countersign.token.spi.Provisioning;
import org.countersign.token.spi.Resumable;
import org.countersign.token.spi.TokenType;
import org.countersign.token.spi.TypeEnrolment;
import org.countersign.user.PolicySubjects;
import org.countersign.user.User;
import org.countersign.user.UserStore;

/**
 * Enrolment: creates a token of any type for a user (or unassigned), or confirms the first code of
 * a token waiting in rollout state {@code verify}. The type does its own part through {@link
 * TokenType#enrol}; the result is a value that the API renders as privacyIDEA's JSON and the pages
 * as a page.
 */
@ApplicationScoped
public class EnrolmentService {

  static final int MAX_DESCRIPTION = 255;
  static final int MAX_PIN = 64;

  @Inject TokenTypes types;
  @Inject TokenRepository tokens;
  @Inject OwnedTokens owned;
  @Inject SerialNumbers serials;
  @Inject TokenSecrets secrets;
  @Inject UserStore users;
  @Inject KeyRing keys;
  @Inject Settings settings;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject org.countersign.ops.Outcomes outcomes;
  @Inject UserRights rights;
  @Inject Policies policies;
  @Inject PolicySubjects subjects;
  @Inject Lockout lockout;
  @Inject org.countersign.challenge.ChallengeService challenges;

  /** Creates a token. */
  @Transactional
  public Enrolment create(EnrolmentRequest request, Caller caller, java.net.URI publicBase) {
    return create(request, caller, publicBase, false);
  }

  /**
   * Creates a token that waits in rollout state {@code verify} until {@link #confirm} accepts its
   * first code, whatever {@code countersign.enrol.verify} says: the self-service pages never hand
   * out a token that was not proven to work. Only for types that take codes; any other type is a
   * parameter error.
   */
  @Transactional
  public Enrolment createUnconfirmed(
      EnrolmentRequest request, Caller caller, java.net.URI publicBase) {
    return create(request, caller, publicBase, true);
  }

  /**
   * The caller's newest token of this type that still waits for its first code, is not locked and
   * was created within {@code maxAge}: an enrolment the person left unfinished and may resume.
   */
  @Transactional
  public Optional<Token> unconfirmed(String type, Duration maxAge, Caller caller) {
    LocalDateTime after = LocalDateTime.now(clock).minus(maxAge);
    return tokens
        .inRolloutState(caller.realm(), caller.username(), type, RolloutState.VERIFY, after)
        .stream()
        .filter(t -> !t.locked())
        .findFirst();
  }

  /**
   * The provisioning of the caller's token that waits for its first code, shown again instead of a
   * new secret, for types that can resume a set-up. Audited.
   */
  @Transactional
  public Provisioning resume(String serial, Caller caller) {
    Token token = waiting(serial, caller);
    Resumable resumable =
        types
            .capability(token.type(), Resumable.class)
            .orElseThrow(
                () ->
                    new DomainException(
                        Reason.TOKEN_ADMIN, "This token type cannot resume its set-up."));
    byte[] seed =
        secrets
            .seed(token)
            .orElseThrow(
                () -> new DomainException(Reason.TOKEN_ADMIN, "The token has no secret yet."));
    Provisioning provisioning;
    try {
      provisioning = resumable.resume(token, seed, token.username().orElse(serial));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    audit.write(
        audit
            .entry("token_resume", caller.origin())
            .user(token.realm().orElse(null), token.username().orElse(null))
            .token(serial, token.type())
            .outcome(true, "OK", "enrolment resumed"));
    return provisioning;
  }

  /** The caller's token {@code serial}, which must wait for its first code. */
  private Token waiting(String serial, Caller caller) {
    Token token =
        tokens
            .bySerial(serial)
            .filter(t -> caller.mayActOn(t.realm().orElse(""), t.username().orElse("")))
            .orElseThrow(() -> DomainException.tokenNotFound(serial));
    if (token.rolloutState() != RolloutState.VERIFY) {
      throw new DomainException(Reason.TOKEN_ADMIN, "The token is not waiting for verification.");
    }
    return token;
  }

  private Enrolment create(
      EnrolmentRequest request, Caller caller, java.net.URI publicBase, boolean mustConfirm) {
    TokenType type =
        types.require(
            request.type().filter(s -> !s.isEmpty()).orElse("hotp").toLowerCase(Locale.ROOT));
    boolean takesCodes = types.capability(type.name(), OtpVerifier.class).isPresent();
    if (mustConfirm && !takesCodes) {
      throw DomainException.invalid("type", "this type has no codes to confirm");
    }
    rights.require(caller, TypePolicyActions.enrolRight(type.name()));
    Optional<User> owner = owner(request, caller);
    Decision policy =
        policies.decide(
            Scope.ENROLLMENT,
            owner
                .map(u -> subjects.of(u, caller.client()))
                .orElseGet(() -> PolicyRequest.anonymous(caller.client())));
    if (owner.isPresent()) {
      limitTokens(owner.get(), policy);
    }
    String serial =
        request.serial().filter(s -> !s.isEmpty()).isPresent()
            ? serials.chosen(request.serial().get())
            : serials.fresh(type.serialPrefix());
    String description = bounded("description", request.description(), MAX_DESCRIPTION);
    String pin = bounded("pin", request.pin(), MAX_PIN);

    Token token = new Token(serial, type.name(), settings.maxFail(), LocalDateTime.now(clock));
    owner.ifPresent(token::assignTo);
    token.describe(description);
    token.setPinHash(keys.pins().hash(pin));
    TypeEnrolment part =
        type.enrol(request.parameters(), context(token, owner, publicBase, policy));
    token.setOtpLen(part.otpLen());
    part.info().forEach(token::putInfo);
    token.setRolloutState(part.rolloutState());
    boolean verify =
        (mustConfirm
                || settings.enrolVerify()
                || policy.list(TypePolicyActions.VERIFY_ENROLLMENT).contains(type.name()))
            && takesCodes;
    if (verify) {
      token.setRolloutState(RolloutState.VERIFY);
    }
    tokens.add(token);
    outcomes.enrolled(type.name());
    audit.write(
        audit
            .entry("token_init", caller.origin())
            .user(token.realm().orElse(null), token.username().orElse(null))
            .token(serial, type.name())
            .outcome(true, "OK", verify ? "waiting for the first code" : null));
    return new Enrolment(
        serial,
        type.name(),
        token.otpLen(),
        token.info(),
        token.rolloutState(),
        part.provisioning());
  }

  /**
   * Confirms a token in rollout state {@code verify} with its current code. A wrong code is a
   * result, counted as a failure; an unknown token or one not waiting is a request error.
   */
  @Transactional
  public Confirmation confirm(String serial, String code, Caller caller) {
    Token token = waiting(serial, caller);
    OtpVerifier verifier =
        types
            .capability(token.type(), OtpVerifier.class)
            .orElseThrow(
                () ->
                    new DomainException(
                        Reason.TOKEN_ADMIN, "This token type has no codes to verify."));
    OtpToken opened = secrets.open(token).orElseThrow();
    OptionalLong counter;
    try {
      counter = verifier.match(opened, code, clock.instant());
    } finally {
      Arrays.fill(opened.seed(), (byte) 0);
    }
    boolean ok =
        lockout.admits(token, clock.instant())
            && counter.isPresent()
            && counter.getAsLong() > token.lastCounter()
            && tokens.advanceCounter(token, counter.getAsLong());
    var entry =
        audit
            .entry("token_verify", caller.origin())
            .user(token.realm().orElse(null), token.username().orElse(null))
            .token(serial, token.type());
    if (!ok) {
      tokens.recordFailure(java.util.List.of(token));
      audit.write(entry.outcome(false, "REJECT", "wrong first code"));
      return Confirmation.REJECTED;
    }
    tokens.setRolloutState(token, RolloutState.DONE);
    audit.write(entry.outcome(true, "OK", null));
    return Confirmation.CONFIRMED;
  }

  private Optional<User> owner(EnrolmentRequest request, Caller caller) {
    Optional<String> name = request.user().filter(s -> !s.isEmpty());
    if (!caller.isAdmin()) {
      if (name.isPresent() && !name.get().equals(caller.username())) {
        throw DomainException.forbidden("Users may enrol tokens only for themselves.");
      }
      return Optional.of(users.require(caller.realm(), caller.username()));
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String realm = users.requireRealm(request.realm());
    return Optional.of(users.require(realm, name.get()));
  }

  private static String bounded(String name, String given, int max) {
    String value = given == null ? "" : given;
    if (value.length() > max) {
      throw DomainException.invalid(name, "at most " + max + " characters");
    }
    return value;
  }

  /**
   * privacyIDEA's {@code max_token_per_user}: refuses a token beyond the limit of the owner's
   * policies.
   */
  private void limitTokens(User owner, Decision policy) {
    Optional<Integer> max = policy.whole(CoreActions.MAX_TOKEN_PER_USER);
    if (max.isPresent() && owned.of(owner).size() >= max.get()) {
      throw new PolicyRefusal(
          "The number of tokens for this user is limited to " + max.get() + ".");
    }
  }

  private EnrolmentContext context(
      Token token, Optional<User> owner, java.net.URI publicBase, Decision policy) {
    return new EnrolmentContext() {
      @Override
      public String serial() {
        return token.serial();
      }

      @Override
      public Optional<String> policy(String action) {
        return policy.single(action);
      }

      @Override
      public java.net.URI publicBase() {
        return publicBase;
      }

      @Override
      public Optional<String> username() {
        return owner.map(User::username);
      }

      @Override
      public Optional<String> displayName() {
        return owner.map(User::displayName);
      }

      @Override
      public java.util.List<java.util.Map<String, String>> siblings() {
        return owner.stream()
            .flatMap(o -> owned.of(o).stream())
            .filter(t -> t.type().equals(token.type()) && !t.serial().equals(token.serial()))
            .map(Token::info)
            .toList();
      }

      @Override
      public void sealSecret(byte[] seed) {
        secrets.seal(token, seed);
      }

      @Override
      public String openChallenge(String data) {
        return challenges.openForEnrolment(token, data);
      }
    };
  }
}
