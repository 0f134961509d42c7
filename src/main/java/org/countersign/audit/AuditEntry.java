package org.countersign.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDateTime;

/**
 * One line of the audit trail: an authentication or an administrative action. Times are UTC. The
 * info text is short and never holds a secret, an OTP, a PIN or a password.
 */
@Entity
@Table(name = "cs_audit")
@SequenceGenerator(name = "cs_audit_seq", sequenceName = "cs_audit_seq", allocationSize = 1000)
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cs_audit_seq")
  private Long id;

  @Column(name = "at_utc", nullable = false)
  private LocalDateTime at;

  @Column(nullable = false, length = 40)
  private String action;

  @Column(length = 64)
  private String username;

  @Column(length = 64)
  private String realm;

  @Column(length = 40)
  private String serial;

  @Column(name = "token_type", length = 30)
  private String tokenType;

  @Column(nullable = false)
  private boolean success;

  @Column(length = 30)
  private String result;

  @Column(length = 64)
  private String client;

  @Column(name = "acting_user", length = 64)
  private String actor;

  @Column(length = 255)
  private String info;

  @Column(name = "segment_id")
  private Long segment;

  @Column(name = "seq")
  private Long seq;

  @Column(name = "chain_hash", length = 64)
  private String chainHash;

  /** Whether an administrator asked: counted in the metrics once the entry commits. */
  @Transient private boolean byAdministrator;

  protected AuditEntry() {}

  AuditEntry(LocalDateTime at, String action) {
    this.at = ChainMac.storable(at);
    this.action = action;
  }

  public AuditEntry user(String realm, String username) {
    this.realm = clip(realm, 64);
    this.username = clip(username, 64);
    return this;
  }

  public AuditEntry token(String serial, String tokenType) {
    this.serial = clip(serial, 40);
    this.tokenType = clip(tokenType, 30);
    return this;
  }

  public AuditEntry outcome(boolean success, String result, String info) {
    this.success = success;
    this.result = clip(result, 30);
    this.info = clip(info, 255);
    return this;
  }

  AuditEntry origin(String client, String actor, boolean administrator) {
    this.client = clip(client, 64);
    this.actor = clip(actor, 64);
    this.byAdministrator = administrator;
    return this;
  }

  boolean byAdministrator() {
    return byAdministrator;
  }

  /** Places the entry in the chain; its id must already be assigned. */
  void chain(long segment, long seq, ChainMac mac, String previous) {
    this.segment = segment;
    this.seq = seq;
    this.chainHash = mac.link(previous, row());
  }

  String chainHash() {
    return chainHash;
  }

  ChainRow row() {
    return new ChainRow(
        id(), segment, seq, chainHash, at, action, username, realm, serial, tokenType, success,
        result, client, actor, info);
  }

  /**
   * Names in an entry come from requests and may be longer than any stored name; the entry keeps
   * what fits, so recording a hostile request can never fail the request.
   */
  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public LocalDateTime at() {
    return at;
  }

  public String action() {
    return action;
  }

  public String username() {
    return username;
  }

  public String realm() {
    return realm;
  }

  public String serial() {
    return serial;
  }

  public boolean success() {
    return success;
  }

  public String result() {
    return result;
  }

  public String client() {
    return client;
  }

  public String info() {
    return info;
  }

  public long id() {
    return id == null ? 0 : id;
  }

  public String tokenType() {
    return tokenType;
  }

  public String actor() {
    return actor;
  }
}
