package org.countersign.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The core settings, each key a documented constant, read once at start-up and validated into one
 * immutable value; tests build it with {@code Settings.from(Configuration.of(Map.of(...)))}. Token
 * types keep their own keys beside them (for example {@code countersign.tiqr.*}) and read them
 * through {@link Configuration}. README.md lists every key; each can be set as a system property or
 * as an environment variable ({@code countersign.data.dir} becomes {@code COUNTERSIGN_DATA_DIR}).
 */
public record Settings(
    String dataDirectory,
    String configuredAdminPassword,
    int adminPasswordMinLength,
    String defaultRealm,
    String issuer,
    int maxFail,
    /** See {@link #FAILCOUNTER_CLEAR_TIMEOUT}; 0 for a lock that only an admin clears. */
    int failCounterClearTimeoutSeconds,
    boolean pinFailureCounts,
    boolean enrolVerify,
    boolean selfEnrolment,
    int jwtLifetimeSeconds,
    int passwordIterations,
    int challengeValiditySeconds,
    int signInMaxFailures,
    int signInLockSeconds,
    int signInAddressMaxFailures,
    int passwordConcurrency,
    int passwordQueue,
    java.net.URI configuredPublicUrl)
    implements ReadAtStart {

  /** Directory holding the key file and, by default, the H2 database. Default {@code ./data}. */
  public static final String DATA_DIR = "countersign.data.dir";

  /**
   * Password of the {@code admin} account created at first start; generated and logged once when
   * absent.
   */
  public static final String ADMIN_PASSWORD = "countersign.admin.password";

  /** Shortest configured admin password with which the server starts. Default 12. */
  public static final String ADMIN_PASSWORD_MIN_LENGTH = "countersign.admin.password.minlength";

  /** Name of the realm backed by the built-in user store. Default {@code default}. */
  public static final String DEFAULT_REALM = "countersign.realm";

  /** Issuer shown by authenticator apps (otpauth {@code issuer}). Default {@code Countersign}. */
  public static final String ISSUER = "countersign.issuer";

  /**
   * Failed attempts after which a token rejects every code, right or wrong, until an admin resets
   * it or {@link #FAILCOUNTER_CLEAR_TIMEOUT} has passed. Default 10.
   */
  public static final String MAX_FAIL = "countersign.maxfail";

  /**
   * Seconds after its last failure at which a locked token (fail counter at maxfail) takes an
   * attempt again; the right code then clears the counter. Default 600; 0 keeps the lock until an
   * admin resets the token.
   */
  public static final String FAILCOUNTER_CLEAR_TIMEOUT = "countersign.failcounter.clear.timeout";

  /** Whether a wrong PIN counts as a failure of the user's tokens. Default true. */
  public static final String PIN_FAILURE_COUNTS = "countersign.pin.failure.counts";

  /**
   * Whether a new OTP token must confirm its first code before it can authenticate. Default false.
   */
  public static final String ENROL_VERIFY = "countersign.enrol.verify";

  /**
   * Whether a person without a usable token may sign in with the password alone to enrol a first
   * one (API and pages). Default true; with false, only an admin can give such a person a token.
   */
  public static final String SELF_ENROLMENT = "countersign.selfservice.enrolment";

  /** Lifetime of an API JWT in seconds. Default 3600. */
  public static final String JWT_LIFETIME = "countersign.jwt.lifetime";

  /** How long a challenge stays open, in seconds. Default 120. */
  public static final String CHALLENGE_VALIDITY = "countersign.challenge.validity";

  /**
   * The base URL at which smartphone apps and browsers reach this server, such as {@code
   * https://mfa.example.org}. When absent, the URL of the request is used.
   */
  public static final String PUBLIC_URL = "countersign.public.url";

  /**
   * PBKDF2-SHA256 iterations for new password hashes. Default 600000 (OWASP); hashes stored with
   * another count still verify, since each hash records its own.
   */
  public static final String PASSWORD_ITERATIONS = "countersign.password.iterations";

  /**
   * Failed password checks of one account (API and pages, all nodes together) after which its
   * password is not checked for {@link #SIGNIN_LOCK_SECONDS}, doubling with each further failure up
   * to 15 minutes. Default 5.
   */
  public static final String SIGNIN_MAX_FAILURES = "countersign.signin.maxfailures";

  /** Seconds of the first refusal after too many failed password checks. Default 60. */
  public static final String SIGNIN_LOCK_SECONDS = "countersign.signin.lockseconds";

  /**
   * Failed password checks from one client address, whatever the account, before it is refused.
   * Default 50.
   */
  public static final String SIGNIN_ADDRESS_MAX_FAILURES = "countersign.signin.address.maxfailures";

  /**
   * Password checks hashed at once; the rest wait or are refused. Default half the processors, at
   * least 1.
   */
  public static final String PASSWORD_CONCURRENCY = "countersign.password.concurrency";

  /**
   * Password checks that may wait for a hashing slot; beyond that the answer is 503. Each waiting
   * check holds a request thread, so keep concurrency plus queue below the server's request
   * threads, or a flood of sign-ins leaves none for {@code /validate/check}. Default 0.
   */
  public static final String PASSWORD_QUEUE = "countersign.password.queue";

  /** Reads and validates every core setting; the message of a failure names the key. */
  public static Settings from(Configuration c) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new Settings(
        Path.of(c.string(DATA_DIR, "./data")).toAbsolutePath().normalize().toString(),
        c.optional(ADMIN_PASSWORD).orElse(null),
        c.integer(ADMIN_PASSWORD_MIN_LENGTH, 12, 1, 1024),
        c.string(DEFAULT_REALM, "default"),
        c.string(ISSUER, "Countersign"),
        c.integer(MAX_FAIL, 10, 1, 1000),
        c.integer(FAILCOUNTER_CLEAR_TIMEOUT, 600, 0, 31 * 86400),
        c.bool(PIN_FAILURE_COUNTS, true),
        c.bool(ENROL_VERIFY, false),
        c.bool(SELF_ENROLMENT, true),
        c.integer(JWT_LIFETIME, 3600, 10, 86400),
        c.integer(PASSWORD_ITERATIONS, 600_000, 1_000, 10_000_000),
        c.integer(CHALLENGE_VALIDITY, 120, 5, 3600),
        c.integer(SIGNIN_MAX_FAILURES, 5, 1, 1000),
        c.integer(SIGNIN_LOCK_SECONDS, 60, 1, 900),
        c.integer(SIGNIN_ADDRESS_MAX_FAILURES, 50, 1, 10_000_000),
        c.integer(PASSWORD_CONCURRENCY, Math.max(1, cores / 2), 1, 1024),
        c.integer(PASSWORD_QUEUE, 0, 0, 10_000),
        c.optional(PUBLIC_URL).map(Settings::baseUri).orElse(null));
  }

  public Path dataDir() {
    return Path.of(dataDirectory);
  }

  public Optional<String> adminPassword() {
    return Optional.ofNullable(configuredAdminPassword);
  }

  public Optional<java.net.URI> publicUrl() {
    return Optional.ofNullable(configuredPublicUrl);
  }

  /** Without the configured admin password, which must never reach a log. */
  @Override
  public String toString() {
    return "Settings[dataDir="
        + dataDirectory
        + ", realm="
        + defaultRealm
        + ", publicUrl="
        + configuredPublicUrl
        + "]";
  }

  private static java.net.URI baseUri(String raw) {
    try {
      java.net.URI uri = java.net.URI.create(raw.endsWith("/") ? raw : raw + "/");
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Configuration '" + PUBLIC_URL + "' must be an http(s) URL.");
    }
  }
}
