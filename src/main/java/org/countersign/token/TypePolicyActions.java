package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.countersign.policy.ActionProvider;
import org.countersign.policy.ActionSpec;
import org.countersign.policy.Scope;

/**
 * The policy actions that list token types; each accepts every installed type, named by the
 * registry.
 */
@ApplicationScoped
public class TypePolicyActions implements ActionProvider {

  /** authentication: the token types whose PIN alone opens a challenge. */
  public static final String CHALLENGE_RESPONSE = "challenge_response";

  /** enrollment: the token types whose new tokens wait for a first code. */
  public static final String VERIFY_ENROLLMENT = "verify_enrollment";

  @Inject TokenTypes types;

  /**
   * The user-scope right to enrol tokens of a type, as privacyIDEA names it ({@code enrollTOTP}).
   */
  public static String enrolRight(String type) {
    return "enroll" + type.toUpperCase(Locale.ROOT);
  }

  @Override
  public Collection<ActionSpec> actions() {
    List<String> names = types.all().stream().map(t -> t.name()).toList();
    List<ActionSpec> actions = new ArrayList<>();
    actions.add(ActionSpec.listOf(Scope.AUTHENTICATION, CHALLENGE_RESPONSE, names));
    actions.add(ActionSpec.listOf(Scope.ENROLLMENT, VERIFY_ENROLLMENT, names));
    names.forEach(n -> actions.add(ActionSpec.flag(Scope.USER, enrolRight(n))));
    return actions;
  }
}
