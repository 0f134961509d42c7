package org.countersign.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.countersign.policy.Policies;
import org.countersign.policy.Policy;

/** "Policies": the stored policies, read only; the REST API's {@code /policy/} changes them. */
@Named("adminPolicies")
@RequestScoped
public class PoliciesBean {

  @Inject Policies policies;

  public List<Policy> getAll() {
    return policies.list();
  }

  /** The actions as {@code name=value}, a flag as its name alone. */
  public String actions(Policy p) {
    return p.actions().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> "true".equals(e.getValue()) ? e.getKey() : e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** A condition list, or "any" in the page's words when it is empty (it matches everything). */
  public String list(List<String> values, String any) {
    return values.isEmpty() ? any : String.join(", ", values);
  }
}
