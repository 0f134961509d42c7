package org.countersign.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.Map;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.auth.Caller;
import org.countersign.auth.Role;
import org.countersign.challenge.Purpose;
import org.countersign.directory.DirectoryException;
import org.countersign.user.UserStore;
import org.countersign.validate.CredentialCheck;
import org.countersign.validate.Verdict;

/**
 * Signing in to the pages with a passkey alone, without a user name: a challenge bound to no user,
 * which the browser's authenticator signs; the credential names the person. The check and its audit
 * row are {@link CredentialCheck}'s; a sign-in adds a {@code ui_login} row in the same transaction.
 */
@ApplicationScoped
public class PasskeySignIn {

  @Inject CredentialCheck credentials;
  @Inject AuditLog audit;
  @Inject UserStore users;

  /** An open sign-in: its transaction and the options the browser asks the authenticator with. */
  public record Opened(String transactionId, String options) implements Serializable {}

  public Opened open() {
    CredentialCheck.Initialized opened = credentials.initialize(PasskeyBean.TYPE, Purpose.SIGN_IN);
    JsonObject shown = opened.shown().attributes();
    return new Opened(opened.transactionId(), shown.toString());
  }

  /** Decides the browser's assertion; the audit trail says why a refusal was one. */
  @Transactional
  public SignInService.Outcome answer(
      String transactionId, Map<String, String> assertion, String client) {
    Verdict verdict =
        credentials.check(
            transactionId, PageParameters.of(assertion), Purpose.SIGN_IN, Origin.anonymous(client));
    if (!(verdict instanceof Verdict.Identified who)) {
      return new SignInService.Rejected();
    }
    Caller caller = new Caller(who.username(), who.realm(), Role.USER, client);
    var entry =
        audit
            .entry("ui_login", caller.origin())
            .user(who.realm(), who.username())
            .token(who.serial(), who.type());
    boolean exists;
    try {
      exists = users.find(who.realm(), who.username()).isPresent();
    } catch (DirectoryException e) {
      audit.write(entry.outcome(false, "REJECT", "passkey: the user directory did not answer"));
      return new SignInService.Busy();
    }
    if (!exists) {
      // a directory user removed since: their passkey no longer signs anyone in
      audit.write(entry.outcome(false, "REJECT", "passkey: its owner is no longer a user"));
      return new SignInService.Rejected();
    }
    audit.write(entry.outcome(true, "ACCEPT", "passkey"));
    return new SignInService.Accepted(caller, true);
  }
}
