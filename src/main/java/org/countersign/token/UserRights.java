package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.countersign.auth.Caller;
import org.countersign.auth.Role;
import org.countersign.policy.CoreActions;
import org.countersign.policy.Decision;
import org.countersign.policy.Policies;
import org.countersign.policy.PolicyRefusal;
import org.countersign.policy.Scope;
import org.countersign.user.PolicySubjects;

/**
 * What users may do with their own tokens. Without a user-scope policy that matches them they may
 * do everything (enrol every type, enable, disable, delete); once one matches, only what the
 * matching policies grant ({@code enroll<TYPE>}, {@code enable}, {@code disable}, {@code delete}),
 * as in privacyIDEA. Listing their own tokens is always allowed.
 */
@ApplicationScoped
public class UserRights {

  /** The rights of a user JWT when no user policy speaks for the user. */
  public static final List<String> DEFAULT = Role.USER.rights();

  @Inject Policies policies;
  @Inject PolicySubjects subjects;
  @Inject TokenTypes types;

  /** The rights a user's JWT lists. */
  public List<String> of(String realm, String username, String client) {
    Decision d = decision(realm, username, client);
    if (!d.any()) {
      return DEFAULT;
    }
    List<String> rights = new ArrayList<>();
    types.all().stream()
        .map(t -> TypePolicyActions.enrolRight(t.name()))
        .filter(d::flag)
        .forEach(rights::add);
    rights.add("tokenlist");
    for (String action : List.of(CoreActions.ENABLE, CoreActions.DISABLE, CoreActions.DELETE)) {
      if (d.flag(action)) {
        rights.add(action);
      }
    }
    return rights;
  }

  /**
   * Refuses ({@link PolicyRefusal}) a user whom the user policies do not grant this action; admins
   * are not bound by them.
   */
  void require(Caller caller, String action) {
    if (caller.isAdmin()) {
      return;
    }
    Decision d = decision(caller.realm(), caller.username(), caller.client());
    if (d.any() && !d.flag(action)) {
      throw new PolicyRefusal("The policies do not allow you to " + describe(action) + ".");
    }
  }

  private Decision decision(String realm, String username, String client) {
    return policies.decide(Scope.USER, subjects.of(realm, username, client));
  }

  private static String describe(String action) {
    return action.startsWith("enroll") ? "enrol tokens of this type" : action + " tokens";
  }
}
