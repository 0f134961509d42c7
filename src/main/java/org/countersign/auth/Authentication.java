package org.countersign.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.countersign.api.ApiException;
import org.countersign.api.ErrorCode;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.user.AdminAccounts;
import org.countersign.user.UserStore;
import jakarta.transaction.Transactional;

/**
 * Who is calling: logs in with a password ({@code POST /auth}) and resolves the JWT of later calls. A token of a
 * deleted account stops working at once, since every call checks that the account still exists.
 */
@ApplicationScoped
public class Authentication {

  @Inject AdminAccounts admins;
  @Inject UserStore users;
  @Inject JwtService jwt;
  @Inject AuditLog audit;

  /** Logs in an admin, or else a user of the user store; 401 with code 4031 when neither matches. */
  @Transactional(dontRollbackOn = ApiException.class)
  public Login login(String username, String password, Optional<String> realm, Origin origin) {
    Optional<Caller> caller = Optional.empty();
    if (realm.isEmpty() && admins.authenticate(username, password).isPresent()) {
      caller = Optional.of(new Caller(username, "", Role.ADMIN, origin.client()));
    } else {
      Optional<String> r = users.realm(realm);
      if (r.isPresent() && users.authenticate(r.get(), username, password).isPresent()) {
        caller = Optional.of(new Caller(username, r.get(), Role.USER, origin.client()));
      }
    }
    audit.write(
        audit.entry("auth", origin)
            .user(realm.orElse(null), username)
            .outcome(caller.isPresent(), caller.isPresent() ? "ACCEPT" : "REJECT", null));
    if (caller.isEmpty()) {
      throw new ApiException(ErrorCode.WRONG_CREDENTIALS, "Authentication failure. Wrong credentials");
    }
    Caller c = caller.get();
    return new Login(c, jwt.issue(c.username(), c.realm(), c.role()));
  }

  /** The caller behind an Authorization header value (raw JWT, {@code Bearer } tolerated). */
  public Caller resolve(String header, String client) {
    if (header == null || header.isBlank()) {
      throw new ApiException(
          ErrorCode.MISSING_AUTHORIZATION, "Authentication failure. Missing Authorization header.");
    }
    String token = header.strip();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).strip();
    }
    JwtService.Claims claims = jwt.verify(token, client);
    boolean exists =
        claims.role() == Role.ADMIN
            ? admins.exists(claims.username())
            : users.find(claims.realm(), claims.username()).isPresent();
    if (!exists) {
      throw new ApiException(ErrorCode.WRONG_CREDENTIALS, "Authentication failure. Invalid JWT.");
    }
    return new Caller(claims.username(), claims.realm(), claims.role(), client);
  }

  /** A successful login. */
  public record Login(Caller caller, JwtService.Issued jwt) {}
}
