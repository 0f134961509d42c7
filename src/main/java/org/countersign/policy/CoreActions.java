package org.countersign.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * The actions of the core that name no token type, in privacyIDEA's names. Those that list types
 * ({@code challenge_response}, {@code verify_enrollment}, {@code enroll<TYPE>}) come with the token
 * registry.
 */
@ApplicationScoped
public class CoreActions implements ActionProvider {

  /**
   * authentication: where the PIN part of {@code pass} is checked: {@code tokenpin}, {@code
   * userstore}, {@code none}.
   */
  public static final String OTPPIN = "otppin";

  /** authentication: accept a user who has no token. */
  public static final String PASS_ON_NO_TOKEN = "passOnNoToken";

  /** authentication: accept a user who does not exist. */
  public static final String PASS_ON_NO_USER = "passOnNoUser";

  /**
   * authentication: minutes after the last failure at which a locked token takes attempts again
   * (privacyIDEA's {@code failcounter_clear_timeout}); overrides {@code
   * countersign.failcounter.clear.timeout}, 0 keeps the lock.
   */
  public static final String FAILCOUNTER_CLEAR_TIMEOUT = "failcounter_clear_timeout";

  /** enrollment: how many tokens one user may own. */
  public static final String MAX_TOKEN_PER_USER = "max_token_per_user";

  /** user: what users may do with their own tokens. */
  public static final String DELETE = "delete";

  public static final String DISABLE = "disable";
  public static final String ENABLE = "enable";

  @Override
  public Collection<ActionSpec> actions() {
    return List.of(
        ActionSpec.oneOf(Scope.AUTHENTICATION, OTPPIN, List.of("tokenpin", "userstore", "none")),
        ActionSpec.flag(Scope.AUTHENTICATION, PASS_ON_NO_TOKEN),
        ActionSpec.flag(Scope.AUTHENTICATION, PASS_ON_NO_USER),
        ActionSpec.whole(Scope.AUTHENTICATION, FAILCOUNTER_CLEAR_TIMEOUT, 0, 100_000),
        ActionSpec.whole(Scope.ENROLLMENT, MAX_TOKEN_PER_USER, 1, 10_000),
        ActionSpec.flag(Scope.USER, DELETE),
        ActionSpec.flag(Scope.USER, DISABLE),
        ActionSpec.flag(Scope.USER, ENABLE));
  }
}
