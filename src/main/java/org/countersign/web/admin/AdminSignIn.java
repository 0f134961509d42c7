package org.countersign.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.auth.Caller;
import org.countersign.auth.PasswordThrottle;
import org.countersign.config.Settings;
import org.countersign.user.AdminAccounts;
import org.countersign.user.PasswordHashingBusy;

/**
 * Signs an administrator in and out of the operators' pages, throttled by the same {@link
 * PasswordThrottle} keys as an administrator's {@code POST /auth} (the default realm and the
 * account name, and the address), so that failures on either count for both. Recorded as {@code
 * ui_admin_login} and {@code ui_admin_logout}, naming the administrator.
 */
@ApplicationScoped
public class AdminSignIn {

  @Inject AdminAccounts admins;
  @Inject PasswordThrottle throttle;
  @Inject AuditLog audit;
  @Inject Settings settings;

  @Transactional
  public Outcome signIn(String username, String password, String client) {
    var attempt = new PasswordThrottle.Attempt(settings.defaultRealm(), username, client);
    Optional<Duration> refused = throttle.refusal(attempt);
    if (refused.isPresent()) {
      failed(username, client, "throttled: too many failed password checks");
      return new Throttled(refused.get());
    }
    boolean ok;
    try {
      ok = admins.authenticate(username, password).isPresent();
    } catch (PasswordHashingBusy e) {
      failed(username, client, "busy: too many password checks at once");
      return new Busy();
    }
    if (!ok) {
      throttle.failed(attempt);
      failed(username, client, null);
      return new Rejected();
    }
    throttle.succeeded(attempt);
    audit.write(
        audit
            .entry("ui_admin_login", new Origin(client, username))
            .outcome(true, "ACCEPT", "administrator"));
    return new Accepted(username);
  }

  /** Whether the account still exists: a deleted administrator's session ends at once. */
  public boolean stillExists(String username) {
    return admins.exists(username);
  }

  @Transactional
  public void signedOut(Caller admin) {
    audit.write(audit.entry("ui_admin_logout", admin.origin()).outcome(true, "OK", null));
  }

  private void failed(String username, String client, String info) {
    audit.write(
        audit
            .entry("ui_admin_login", Origin.anonymous(client))
            .user(null, username)
            .outcome(false, "REJECT", info));
  }

  /** What became of a sign-in. */
  public sealed interface Outcome {}

  public record Accepted(String username) implements Outcome {}

  /** Wrong name or password; the page does not say which. */
  public record Rejected() implements Outcome {}

  /** Refused before the password was looked at. */
  public record Throttled(Duration retryAfter) implements Outcome {}

  public record Busy() implements Outcome {}
}
