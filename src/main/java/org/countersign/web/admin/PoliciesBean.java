package org.countersign.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.countersign.error.DomainException;
import org.countersign.policy.ActionText;
import org.countersign.policy.Policies;
import org.countersign.policy.Policy;
import org.countersign.policy.PolicyDraft;
import org.countersign.policy.Scope;
import org.countersign.web.Texts;

/**
 * "Policies": the stored policies, each enabled, disabled or deleted in one step, and a form that
 * adds or replaces one. Every change goes through {@link Policies}, as the REST API's {@code
 * /policy/}: the same validation, the same audit row naming the administrator.
 */
@Named("adminPolicies")
@ViewScoped
public class PoliciesBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Policies policies;
  @Inject AdminSession admin;

  private String name;
  private String scope = Scope.AUTHENTICATION.wireName();
  private String actions;
  private String realm;
  private String resolver;
  private String user;
  private String client;
  private String priority;
  private boolean active = true;

  public List<Policy> getAll() {
    return policies.list();
  }

  public List<String> getScopes() {
    return Arrays.stream(Scope.values()).map(Scope::wireName).toList();
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

  public void enable(String policy) {
    act(policy, "enable", () -> policies.activate(policy, true, admin.caller().origin()));
  }

  public void disable(String policy) {
    act(policy, "disable", () -> policies.activate(policy, false, admin.caller().origin()));
  }

  public void delete(String policy) {
    act(policy, "delete", () -> policies.delete(policy, admin.caller().origin()));
  }

  /**
   * Stores the form as one whole policy: its lists replace the stored ones, an empty list matching
   * everything. The action text is read as the REST API reads it.
   */
  public void save() {
    String n = name == null ? "" : name.strip();
    Optional<Integer> prio;
    try {
      prio =
          priority == null || priority.isBlank()
              ? Optional.empty()
              : Optional.of(Integer.parseInt(priority.strip()));
    } catch (NumberFormatException e) {
      Texts.error("admin.policies.refused", n, Texts.text("admin.policies.priority.invalid"));
      return;
    }
    act(
        n,
        "save",
        () ->
            policies.set(
                new PolicyDraft(
                    n,
                    scope == null ? "" : scope,
                    ActionText.parse(actions == null ? "" : actions),
                    Optional.of(commaList(realm)),
                    Optional.of(commaList(resolver)),
                    Optional.of(commaList(user)),
                    Optional.of(commaList(client)),
                    prio,
                    active,
                    Optional.empty()),
                admin.caller().origin()));
  }

  private void act(String policy, String key, Runnable change) {
    try {
      change.run();
      Texts.info("admin.policies.done." + key, policy);
    } catch (DomainException e) {
      Texts.error("admin.policies.refused", policy, e.getMessage());
    }
  }

  private static List<String> commaList(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getActions() {
    return actions;
  }

  public void setActions(String actions) {
    this.actions = actions;
  }

  public String getRealm() {
    return realm;
  }

  public void setRealm(String realm) {
    this.realm = realm;
  }

  public String getResolver() {
    return resolver;
  }

  public void setResolver(String resolver) {
    this.resolver = resolver;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getClient() {
    return client;
  }

  public void setClient(String client) {
    this.client = client;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
