package org.countersign.token;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.countersign.auth.Caller;
import org.countersign.config.Configuration;
import org.countersign.config.Settings;
import org.countersign.crypto.KeyRing;
import org.countersign.crypto.KeyedHash;
import org.countersign.crypto.SecretBox;
import org.countersign.error.DomainException;
import org.countersign.ops.Outcomes;
import org.countersign.policy.Decision;
import org.countersign.policy.Decisions;
import org.countersign.policy.Policies;
import org.countersign.policy.PolicyRequest;
import org.countersign.policy.Scope;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.OtpToken;
import org.countersign.token.spi.OtpVerifier;
import org.countersign.token.spi.Parameters;
import org.countersign.token.spi.Provisioning;
import org.countersign.token.spi.Resumable;
import org.countersign.token.spi.TokenType;
import org.countersign.token.spi.TypeEnrolment;
import org.countersign.user.PolicySubjects;
import org.countersign.user.User;
import org.countersign.user.UserStore;

/**
 * Hand-written fakes of the services' collaborators, for tests below the container: token types
 * with trivial codes, settings, keys, policies, serials, users and metrics.
 */
public final class ServiceFakes {

  public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  public static final byte[] SEED = "12345678901234567890".getBytes();

  private ServiceFakes() {}

  /** A type whose codes are the counter written out: "000005" is counter 5 (below 1000 only). */
  public static final class CodeType implements TokenType, OtpVerifier, Resumable {
    public String name() {
      return "code";
    }

    public String serialPrefix() {
      return "CODE";
    }

    public TypeEnrolment enrol(Parameters params, EnrolmentContext context) {
      context.sealSecret(SEED.clone());
      return new TypeEnrolment(
          6,
          Map.of("kind", "code"),
          RolloutState.DONE,
          Optional.of(
              new Provisioning.OtpAuth(
                  "otpauth://code/" + context.username().orElse(context.serial()), SEED.clone())));
    }

    public Provisioning resume(Token token, byte[] seed, String account) {
      return new Provisioning.OtpAuth("otpauth://code/" + account, seed.clone());
    }

    public OptionalLong match(OtpToken token, String otp, Instant now) {
      if (!Arrays.equals(SEED, token.seed()) || !otp.matches("000\\d{3}")) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Long.parseLong(otp));
    }

    public int countWindow() {
      return 1;
    }
  }

  /** A type whose app registers itself: no codes, waits for its app. */
  public static final class AppType implements TokenType {
    public String name() {
      return "app";
    }

    public String serialPrefix() {
      return "APP";
    }

    public TypeEnrolment enrol(Parameters params, EnrolmentContext context) {
      return new TypeEnrolment(
          6,
          Map.of(),
          RolloutState.CLIENT_WAIT,
          Optional.of(
              new Provisioning.AppEnrolment(
                  "appenroll",
                  "URL for the app",
                  context.publicBase() + "app/" + context.serial())));
    }
  }

  public static final class FakeTypes extends TokenTypes {
    private final List<TokenType> all;

    public FakeTypes(TokenType... types) {
      all = List.of(types);
    }

    @Override
    public Optional<TokenType> find(String name) {
      return all.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public TokenType require(String name) {
      return find(name).orElseThrow(() -> DomainException.invalid("type", "unknown"));
    }

    @Override
    public <C> Optional<C> capability(String type, Class<C> capability) {
      return find(type).filter(capability::isInstance).map(capability::cast);
    }

    @Override
    public Collection<TokenType> all() {
      return all;
    }
  }

  /** The default settings with the three that the service tests vary. */
  public static Settings settings(boolean enrolVerify, boolean pinFailureCounts, int maxFail) {
    Settings d = Settings.from(Configuration.of(Map.of(Settings.ISSUER, "Test")));
    return new Settings(
        d.dataDirectory(),
        d.configuredAdminPassword(),
        d.adminPasswordMinLength(),
        d.defaultRealm(),
        d.issuer(),
        maxFail,
        d.failCounterClearTimeoutSeconds(),
        pinFailureCounts,
        enrolVerify,
        d.selfEnrolment(),
        d.jwtLifetimeSeconds(),
        d.passwordIterations(),
        d.challengeValiditySeconds(),
        d.signInMaxFailures(),
        d.signInLockSeconds(),
        d.signInAddressMaxFailures(),
        d.passwordConcurrency(),
        d.passwordQueue(),
        d.configuredPublicUrl());
  }

  public static final class TestKeys extends KeyRing {
    private final SecretBox box = new SecretBox(new byte[32], new SecureRandom());
    private final KeyedHash pins = new KeyedHash(new byte[32], new SecureRandom());

    @Override
    public SecretBox secrets() {
      return box;
    }

    @Override
    public KeyedHash pins() {
      return pins;
    }
  }

  /** Policies that decide what the test sets: one decision per scope, none by default. */
  public static final class FixedPolicies extends Policies {
    public final Map<Scope, Decision> decisions = new HashMap<>();

    @Override
    public Decision decide(Scope scope, PolicyRequest request) {
      return decisions.getOrDefault(scope, Decisions.none());
    }

    @Override
    public boolean anySets(String action) {
      return decisions.values().stream().anyMatch(d -> d.setBy(action).isPresent());
    }
  }

  public static final class CountingSerials extends SerialNumbers {
    private int next = 1;

    @Override
    public String fresh(String prefix) {
      return prefix + String.format("%08d", next++);
    }

    @Override
    public String chosen(String serial) {
      return serial;
    }
  }

  /** One realm, {@code default}, in which every user exists except those named unknown. */
  public static final class FakeUsers extends UserStore {
    public final Set<String> unknown = new HashSet<>();

    /** Users of a directory resolver {@code ol}: name to stable id. */
    public final Map<String, String> directory = new HashMap<>();

    /** How many look-ups were made. */
    public int lookups;

    @Override
    public Optional<String> realm(Optional<String> requested) {
      return requested.or(() -> Optional.of("default")).filter("default"::equals);
    }

    @Override
    public Optional<User> find(String realm, String username) {
      lookups++;
      LocalDateTime seen = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
      if (directory.containsKey(username)) {
        return Optional.of(User.ofDirectory(realm, "ol", directory.get(username), username, seen));
      }
      return unknown.contains(username)
          ? Optional.empty()
          : Optional.of(new User(realm, username, "hash", seen));
    }

    @Override
    public User require(String realm, String username) {
      return find(realm, username).orElseThrow(() -> DomainException.forbidden("unknown user"));
    }

    @Override
    public String requireRealm(Optional<String> requested) {
      return requested.orElse("default");
    }
  }

  public static final class SilentOutcomes extends Outcomes {
    @Override
    public void enrolled(String type) {}

    @Override
    public void accepted() {}

    @Override
    public void rejected() {}

    @Override
    public void replayed() {}

    @Override
    public void lockedOut() {}
  }

  public static final class AllRights extends UserRights {
    @Override
    void require(Caller caller, String action) {}
  }

  /** A token set up as enrolment would leave it, for services that read tokens. */
  public static Token token(
      String serial,
      String type,
      String realm,
      String user,
      String pinHash,
      int otpLen,
      int maxFail,
      TokenSecrets secrets) {
    Token t = new Token(serial, type, maxFail, LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
    if (user != null) {
      t.assignTo(new User(realm, user, "", LocalDateTime.ofInstant(NOW, ZoneOffset.UTC)));
    }
    t.setPinHash(pinHash);
    t.setOtpLen(otpLen);
    secrets.seal(t, SEED.clone());
    return t;
  }

  /** A user's tokens by name over these fakes. */
  public static OwnedTokens owned(TokenRepository tokens, UserStore users) {
    OwnedTokens o = new OwnedTokens();
    o.tokens = tokens;
    o.users = users;
    return o;
  }

  /** A new token secret store over the test keys. */
  public static TokenSecrets secrets(KeyRing keys) {
    TokenSecrets s = new TokenSecrets();
    s.keys = keys;
    return s;
  }

  /** A lock-out decision with these settings and policies. */
  public static Lockout lockout(Settings settings, Policies policies) {
    Lockout l = new Lockout();
    l.settings = settings;
    l.policies = policies;
    l.subjects = new BuiltInSubjects();
    return l;
  }

  /** Every user is of the built-in store. */
  public static final class BuiltInSubjects extends PolicySubjects {
    @Override
    public Optional<String> resolverOf(String realm) {
      return Optional.of(UserStore.RESOLVER);
    }
  }
}
