package org.countersign.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.countersign.token.spi.TokenType;

/** The actions of the core, in privacyIDEA's names; those naming token types accept every installed type. */
@ApplicationScoped
public class CoreActions implements ActionProvider {

  /** authentication: where the PIN part of {@code pass} is checked: {@code tokenpin}, {@code userstore}, {@code none}. */
  public static final String OTPPIN = "otppin";
  /** authentication: the token types whose PIN alone opens a challenge. */
  public static final String CHALLENGE_RESPONSE = "challenge_response";
  /** authentication: accept a user who has no token. */
  public static final String PASS_ON_NO_TOKEN = "passOnNoToken";
  /** authentication: accept a user who does not exist. */
  public static final String PASS_ON_NO_USER = "passOnNoUser";
  /** enrollment: the token types whose new tokens wait for a first code. */
  public static final String VERIFY_ENROLLMENT = "verify_enrollment";
  /** enrollment: how many tokens one user may own. */
  public static final String MAX_TOKEN_PER_USER = "max_token_per_user";
  /** user: what users may do with their own tokens; {@code enroll<TYPE>} per type. */
  public static final String DELETE = "delete";
  public static final String DISABLE = "disable";
  public static final String ENABLE = "enable";

  @Inject @Any Instance<TokenType> types;

  /** The user-scope right to enrol tokens of a type, as privacyIDEA names it ({@code enrollTOTP}). */
  public static String enrolRight(String type) {
    return "enroll" + type.toUpperCase(Locale.ROOT);
  }

  @Override
  public Collection<ActionSpec> actions() {
    List<String> names = types.stream().map(TokenType::name).toList();
    List<ActionSpec> actions = new ArrayList<>(List.of(
        ActionSpec.oneOf(Scope.AUTHENTICATION, OTPPIN, List.of("tokenpin", "userstore", "none")),
        ActionSpec.listOf(Scope.AUTHENTICATION, CHALLENGE_RESPONSE, names),
        ActionSpec.flag(Scope.AUTHENTICATION, PASS_ON_NO_TOKEN),
        ActionSpec.flag(Scope.AUTHENTICATION, PASS_ON_NO_USER),
        ActionSpec.listOf(Scope.ENROLLMENT, VERIFY_ENROLLMENT, names),
        ActionSpec.whole(Scope.ENROLLMENT, MAX_TOKEN_PER_USER, 1, 10_000),
        ActionSpec.flag(Scope.USER, DELETE),
        ActionSpec.flag(Scope.USER, DISABLE),
        ActionSpec.flag(Scope.USER, ENABLE)));
    names.forEach(n -> actions.add(ActionSpec.flag(Scope.USER, enrolRight(n))));
    return actions;
  }
}
