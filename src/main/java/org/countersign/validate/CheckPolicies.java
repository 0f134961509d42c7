package org.countersign.validate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.countersign.policy.CoreActions;
import org.countersign.policy.Decision;
import org.countersign.policy.Policies;
import org.countersign.policy.PolicyRequest;
import org.countersign.policy.Scope;
import org.countersign.token.TypePolicyActions;
import org.countersign.user.PolicySubjects;

/**
 * Reads the authentication policies that apply to a check (from the policy cache; no database
 * read).
 */
@ApplicationScoped
class CheckPolicies {

  @Inject Policies policies;
  @Inject PolicySubjects subjects;

  CheckPolicy forOwner(Optional<String> realm, Optional<String> user, String client) {
    if (!policies.anySets(CoreActions.OTPPIN)
        && !policies.anySets(TypePolicyActions.CHALLENGE_RESPONSE)
        && !policies.anySets(CoreActions.PASS_ON_NO_TOKEN)
        && !policies.anySets(CoreActions.PASS_ON_NO_USER)) {
      return CheckPolicy.DEFAULT;
    }
    PolicyRequest request =
        realm.isPresent() && user.isPresent()
            ? subjects.of(realm.get(), user.get(), client)
            : PolicyRequest.anonymous(client);
    Decision d = policies.decide(Scope.AUTHENTICATION, request);
    if (!d.any()) {
      return CheckPolicy.DEFAULT;
    }
    CheckPolicy.PinSource pin =
        d.single(CoreActions.OTPPIN)
            .map(v -> CheckPolicy.PinSource.valueOf(v.toUpperCase(Locale.ROOT)))
            .orElse(CheckPolicy.PinSource.TOKENPIN);
    return new CheckPolicy(
        pin,
        d.list(TypePolicyActions.CHALLENGE_RESPONSE),
        d.setBy(CoreActions.PASS_ON_NO_TOKEN),
        d.setBy(CoreActions.PASS_ON_NO_USER));
  }
}
