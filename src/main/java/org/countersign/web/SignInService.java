package org.countersign.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.auth.Caller;
import org.countersign.auth.Role;
import org.countersign.config.Settings;
import org.countersign.user.UserStore;

/**
 * Signs a person of the user store in and out of the self-service pages, throttled by {@link SignInThrottle} and
 * recorded in the audit trail as {@code ui_login} and {@code ui_logout}.
 */
@ApplicationScoped
public class SignInService {

  @Inject UserStore users;
  @Inject SignInThrottle throttle;
  @Inject AuditLog audit;
  @Inject Settings settings;

  /** The realms a person may choose from at sign-in. */
  public List<String> realms() {
    return List.of(settings.defaultRealm());
  }

  @Transactional
  public Outcome signIn(String realm, String username, String password, String client) {
    var entry = audit.entry("ui_login", Origin.anonymous(client)).user(realm, username);
    Optional<Duration> refused = throttle.refusedFor(username, client);
    if (refused.isPresent()) {
      audit.write(entry.outcome(false, "REJECT", "too many failed sign-ins"));
      return new Throttled(refused.get());
    }
    Optional<String> knownRealm = users.realm(Optional.ofNullable(realm));
    boolean ok = knownRealm.isPresent() && users.authenticate(knownRealm.get(), username, password).isPresent();
    audit.write(entry.outcome(ok, ok ? "ACCEPT" : "REJECT", null));
    if (!ok) {
      throttle.failed(username, client);
      return new Rejected();
    }
    throttle.succeeded(username, client);
    return new Accepted(new Caller(username, knownRealm.get(), Role.USER, client));
  }

  @Transactional
  public void signedOut(Caller caller) {
    audit.write(audit.entry("ui_logout", caller.origin())
        .user(caller.realm(), caller.username())
        .outcome(true, "OK", null));
  }

  /** What became of a sign-in. */
  public sealed interface Outcome {}

  public record Accepted(Caller caller) implements Outcome {}

  /** Wrong user name, realm or password; the page does not say which. */
  public record Rejected() implements Outcome {}

  public record Throttled(Duration retryAfter) implements Outcome {}
}
