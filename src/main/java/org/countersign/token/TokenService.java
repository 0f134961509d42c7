package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.countersign.audit.AuditEntry;
import org.countersign.audit.AuditLog;
import org.countersign.auth.Caller;
import org.countersign.crypto.KeyRing;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.policy.CoreActions;
import org.countersign.token.spi.OtpToken;
import org.countersign.token.spi.Resynchronizer;
import org.countersign.user.UserStore;

/**
 * Token administration: list, delete, enable, disable, reset, set PIN, resynchronise. A user may
 * act only on their own tokens; someone else's serial is reported as unknown, so serials of other
 * users are not revealed.
 */
@ApplicationScoped
@Transactional
public class TokenService {

  @Inject TokenRepository tokens;
  @Inject OwnedTokens owned;
  @Inject TokenTypes types;
  @Inject TokenSecrets secrets;
  @Inject UserStore users;
  @Inject KeyRing keys;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject UserRights rights;

  public TokenRepository.Page list(TokenFilter filter, int page, int pageSize, Caller caller) {
    TokenFilter scoped =
        caller.isAdmin()
            ? filter
            : new TokenFilter(
                filter.serial(),
                filter.type(),
                Optional.of(caller.username()),
                Optional.of(caller.realm()));
    // A renamed directory user's tokens take the new name before the list is read.
    scoped.realm().ifPresent(r -> scoped.username().ifPresent(u -> owned.of(r, u)));
    return tokens.list(scoped, page, pageSize);
  }

  /** The caller's view of one token, or 404. */
  public Token get(String serial, Caller caller) {
    return tokens
        .bySerial(serial)
        .filter(t -> caller.mayActOn(t.realm().orElse(""), t.username().orElse("")))
        .orElseThrow(() -> DomainException.tokenNotFound(serial));
  }

  public int delete(String serial, Caller caller) {
    Token token = get(serial, caller);
    rights.require(caller, CoreActions.DELETE);
    tokens.remove(token);
    audit.write(entry("token_delete", token, caller).outcome(true, "OK", null));
    return 1;
  }

  public int setActive(String serial, boolean active, Caller caller) {
    Token token = get(serial, caller);
    rights.require(caller, active ? CoreActions.ENABLE : CoreActions.DISABLE);
    tokens.setActive(token, active);
    audit.write(
        entry(active ? "token_enable" : "token_disable", token, caller).outcome(true, "OK", null));
    return 1;
  }

  public int reset(String serial, Caller caller) {
    caller.requireAdmin();
    Token token = get(serial, caller);
    tokens.resetFailures(token);
    audit.write(
        entry("token_reset", token, caller)
            .outcome(true, "OK", "fail counter was " + token.failCount()));
    return 1;
  }

  public int setPin(String serial, String pin, Caller caller) {
    caller.requireAdmin();
    if (pin.length() > EnrolmentService.MAX_PIN) {
      throw DomainException.invalid(
          "otppin", "at most " + EnrolmentService.MAX_PIN + " characters");
    }
    Token token = get(serial, caller);
    tokens.setPinHash(token, keys.pins().hash(pin));
    audit.write(entry("token_setpin", token, caller).outcome(true, "OK", null));
    return 1;
  }

  /** Finds two consecutive codes ahead of the last accepted counter and continues from there. */
  @Transactional(dontRollbackOn = DomainException.class)
  public int resync(String serial, String otp1, String otp2, Caller caller) {
    caller.requireAdmin();
    Token token = get(serial, caller);
    Resynchronizer resync =
        types
            .capability(token.type(), Resynchronizer.class)
            .orElseThrow(
                () ->
                    new DomainException(
                        Reason.TOKEN_ADMIN, "This token type cannot be resynchronised."));
    OtpToken opened =
        secrets
            .open(token)
            .orElseThrow(
                () -> new DomainException(Reason.TOKEN_ADMIN, "The token has no secret yet."));
    Optional<Resynchronizer.Resync> found;
    try {
      found = resync.resync(opened, otp1, otp2, clock.instant());
    } finally {
      Arrays.fill(opened.seed(), (byte) 0);
    }
    boolean ok = found.isPresent() && tokens.advanceCounter(token, found.get().counter());
    if (ok && !found.get().infoUpdates().isEmpty()) {
      Map<String, String> info = new LinkedHashMap<>(token.info());
      info.putAll(found.get().infoUpdates());
      tokens.setInfo(token, info);
    }
    audit.write(entry("token_resync", token, caller).outcome(ok, ok ? "OK" : "REJECT", null));
    return ok ? 1 : 0;
  }

  private AuditEntry entry(String action, Token token, Caller caller) {
    return audit
        .entry(action, caller.origin())
        .user(token.realm().orElse(null), token.username().orElse(null))
        .token(token.serial(), token.type());
  }
}
