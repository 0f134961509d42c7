package org.countersign.token;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.countersign.user.User;

/**
 * A token: one second factor of one user. The seed is stored sealed (see {@code crypto.SecretBox});
 * type-specific public parameters (hash algorithm, time step, OCRA suite...) live in {@link
 * #info()}, apart from the secret. After creation a token's row changes only through the
 * single-column updates below (see {@code TokenRepository}), never by writing a whole entity back:
 * counters and fail counts change atomically in the database, and no other change can overwrite
 * them with a stale value. The setters are for building a new token.
 */
@Entity
@Table(name = "cs_token")
@SequenceGenerator(name = "cs_token_seq", sequenceName = "cs_token_seq", allocationSize = 50)
@NamedQueries({
  @NamedQuery(name = Token.BY_SERIAL, query = "SELECT t FROM Token t WHERE t.serial = :serial"),
  @NamedQuery(
      name = Token.BY_CREDENTIAL,
      query = "SELECT t FROM Token t WHERE t.credentialKey = :key"),
  @NamedQuery(
      name = Token.ACCEPT_SIGNATURE_WITHOUT_COUNTER,
      query =
          "UPDATE Token t SET t.failCount = 0, t.lastUsedAt = :now"
              + " WHERE t.id = :id AND t.lastCounter <= 0 AND t.active = TRUE"
              + Token.ADMITS),
  @NamedQuery(
      name = Token.COMPLETE,
      query =
          "UPDATE Token t SET t.credentialKey = :key, t.lastCounter = :counter,"
              + " t.rolloutState = :done, t.info = :info"
              + " WHERE t.id = :id AND t.rolloutState = :waiting"),
  @NamedQuery(
      name = Token.BY_OWNER,
      query =
          "SELECT t FROM Token t WHERE t.realm = :realm AND t.username = :username ORDER BY t.id"),
  @NamedQuery(
      name = Token.ACCEPT,
      query =
          "UPDATE Token t SET t.lastCounter = :counter, t.failCount = 0, t.lastUsedAt = :now"
              + " WHERE t.id = :id AND t.lastCounter < :counter AND t.active = TRUE"
              + Token.ADMITS),
  @NamedQuery(
      name = Token.RECORD_FAILURE,
      query =
          "UPDATE Token t SET t.failCount = t.failCount + 1, t.lastFailAt = :now"
              + " WHERE t.id IN :ids AND t.failCount < t.maxFail"),
  @NamedQuery(
      name = Token.RELOCK,
      query =
          "UPDATE Token t SET t.lastFailAt = :now"
              + " WHERE t.id IN :ids AND t.failCount >= t.maxFail AND t.lastFailAt <= :clearedBefore"),
  @NamedQuery(
      name = Token.ADVANCE_COUNTER,
      query =
          "UPDATE Token t SET t.lastCounter = :counter WHERE t.id = :id AND t.lastCounter < :counter"),
  @NamedQuery(
      name = Token.FOLLOW_RENAME,
      query =
          "UPDATE Token t SET t.username = :username"
              + " WHERE t.ownerResolver = :resolver AND t.ownerUid = :uid AND t.realm = :realm"
              + " AND t.username <> :username"),
  @NamedQuery(
      name = Token.DELETE_OF_OWNER,
      query = "DELETE FROM Token t WHERE t.realm = :realm AND t.username = :username"),
  @NamedQuery(
      name = Token.SET_ACTIVE,
      query = "UPDATE Token t SET t.active = :value WHERE t.id = :id"),
  @NamedQuery(
      name = Token.SET_PIN,
      query = "UPDATE Token t SET t.pinHash = :value WHERE t.id = :id"),
  @NamedQuery(
      name = Token.SET_ROLLOUT,
      query = "UPDATE Token t SET t.rolloutState = :value WHERE t.id = :id"),
  @NamedQuery(
      name = Token.SET_SECRET,
      query = "UPDATE Token t SET t.sealedSecret = :value WHERE t.id = :id"),
  @NamedQuery(name = Token.SET_INFO, query = "UPDATE Token t SET t.info = :value WHERE t.id = :id"),
  @NamedQuery(
      name = Token.ACCEPT_CHALLENGE,
      query =
          "UPDATE Token t SET t.failCount = 0, t.lastUsedAt = :now"
              + " WHERE t.id = :id AND t.active = TRUE"
              + Token.ADMITS),
  @NamedQuery(
      name = Token.RESET_FAILURES,
      query = "UPDATE Token t SET t.failCount = 0, t.lastFailAt = NULL WHERE t.id = :id")
})
public class Token {

  public static final String BY_SERIAL = "Token.bySerial";
  public static final String BY_CREDENTIAL = "Token.byCredential";
  public static final String ACCEPT_SIGNATURE_WITHOUT_COUNTER =
      "Token.acceptSignatureWithoutCounter";
  public static final String COMPLETE = "Token.complete";
  public static final String BY_OWNER = "Token.byOwner";
  public static final String ACCEPT = "Token.accept";
  public static final String RECORD_FAILURE = "Token.recordFailure";
  public static final String ADVANCE_COUNTER = "Token.advanceCounter";
  public static final String DELETE_OF_OWNER = "Token.deleteOfOwner";
  public static final String FOLLOW_RENAME = "Token.followRename";
  public static final String SET_ACTIVE = "Token.setActive";
  public static final String SET_PIN = "Token.setPin";
  public static final String SET_ROLLOUT = "Token.setRollout";
  public static final String SET_INFO = "Token.setInfo";
  public static final String SET_SECRET = "Token.setSecret";
  public static final String RESET_FAILURES = "Token.resetFailures";
  public static final String ACCEPT_CHALLENGE = "Token.acceptChallenge";
  public static final String RELOCK = "Token.relock";

  /**
   * The condition under which an accepting update may clear the fail count (see {@link Lockout}):
   * not locked, or locked long enough ago, and past the delay the token was in when it was read.
   */
  static final String ADMITS =
      " AND (t.failCount < t.maxFail OR t.lastFailAt <= :clearedBefore)"
          + " AND (t.lastFailAt IS NULL OR t.lastFailAt <= :quietSince)";

  /** No code has been accepted yet. */
  public static final long NO_COUNTER = -1;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cs_token_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String serial;

  @Column(name = "token_type", nullable = false, length = 30)
  private String type;

  @Column(length = 64)
  private String username;

  @Column(length = 64)
  private String realm;

  /** For a directory user's token: the resolver and the directory's stable id of the owner. */
  @Column(name = "owner_resolver", length = 64)
  private String ownerResolver;

  @Column(name = "owner_uid", length = 255)
  private String ownerUid;

  @Column(length = 255)
  private String description = "";

  @Column(nullable = false)
  private boolean active = true;

  @Convert(converter = RolloutStateConverter.class)
  @Column(name = "rollout_state", nullable = false, length = 20)
  private RolloutState rolloutState = RolloutState.DONE;

  @Column(name = "otp_len", nullable = false)
  private int otpLen;

  @Column(name = "sealed_secret", length = 1024)
  private String sealedSecret;

  @Column(name = "pin_hash", length = 128)
  private String pinHash;

  @Column(name = "last_counter", nullable = false)
  private long lastCounter = NO_COUNTER;

  @Column(name = "fail_count", nullable = false)
  private int failCount;

  @Column(name = "max_fail", nullable = false)
  private int maxFail;

  @Convert(converter = InfoConverter.class)
  @Column(nullable = false, length = 4000)
  private Map<String, String> info = new LinkedHashMap<>();

  @Column(name = "last_fail_at")
  private LocalDateTime lastFailAt;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "last_used_at")
  private LocalDateTime lastUsedAt;

  @Column(name = "credential_key", length = 64)
  private String credentialKey;

  protected Token() {}

  public Token(String serial, String type, int maxFail, LocalDateTime createdAt) {
    this.serial = serial;
    this.type = type;
    this.maxFail = maxFail;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String serial() {
    return serial;
  }

  public String type() {
    return type;
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public Optional<String> realm() {
    return Optional.ofNullable(realm);
  }

  /**
   * Names the owner; a directory user is also named by resolver and stable id, which outlast a
   * rename in the directory.
   */
  void assignTo(User owner) {
    this.realm = owner.realm();
    this.username = owner.username();
    if (owner.inDirectory()) {
      this.ownerResolver = owner.resolver();
      this.ownerUid = owner.userId();
    }
  }

  /** Whether this token names this directory user by resolver and stable id, in their realm. */
  boolean ownedByIdentity(User owner) {
    return owner.inDirectory()
        && owner.resolver().equals(ownerResolver)
        && owner.userId().equals(ownerUid)
        && owner.realm().equals(realm);
  }

  public boolean isOwnedBy(String realm, String username) {
    return username.equals(this.username) && realm.equals(this.realm);
  }

  public String description() {
    return description == null ? "" : description;
  }

  void describe(String description) {
    this.description = description;
  }

  public boolean active() {
    return active;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  public RolloutState rolloutState() {
    return rolloutState;
  }

  void setRolloutState(RolloutState rolloutState) {
    this.rolloutState = rolloutState;
  }

  /** Whether the token may take part in authentication: enabled and fully rolled out. */
  public boolean usable() {
    return active && rolloutState.isUsable();
  }

  public int otpLen() {
    return otpLen;
  }

  void setOtpLen(int otpLen) {
    this.otpLen = otpLen;
  }

  public Optional<String> sealedSecret() {
    return Optional.ofNullable(sealedSecret);
  }

  void setSealedSecret(String sealedSecret) {
    this.sealedSecret = sealedSecret;
  }

  public Optional<String> pinHash() {
    return Optional.ofNullable(pinHash);
  }

  void setPinHash(String pinHash) {
    this.pinHash = pinHash;
  }

  public long lastCounter() {
    return lastCounter;
  }

  void setLastCounter(long lastCounter) {
    this.lastCounter = lastCounter;
  }

  public int failCount() {
    return failCount;
  }

  public int maxFail() {
    return maxFail;
  }

  /**
   * Whether the fail count is at its maximum; whether the token takes attempts is for {@link
   * Lockout}.
   */
  public boolean locked() {
    return failCount >= maxFail;
  }

  /** When the last failure was counted, if one was since the last reset. */
  public Optional<LocalDateTime> lastFailAt() {
    return Optional.ofNullable(lastFailAt);
  }

  /** Public, type-specific parameters; never secrets. */
  public Map<String, String> info() {
    return java.util.Collections.unmodifiableMap(info);
  }

  void putInfo(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(info);
    copy.put(key, value);
    info = copy;
  }

  void removeInfo(String key) {
    Map<String, String> copy = new LinkedHashMap<>(info);
    copy.remove(key);
    info = copy;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public Optional<LocalDateTime> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  @Override
  public String toString() {
    return "Token[" + serial + ", " + type + "]";
  }
}
