package org.countersign.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.countersign.error.DomainException;
import org.countersign.resolver.DirectoryPool;
import org.countersign.resolver.Realm;
import org.countersign.resolver.Realms;
import org.countersign.resolver.Resolver;
import org.countersign.resolver.ResolverType;
import org.countersign.resolver.Resolvers;
import org.countersign.web.Texts;

/**
 * "Directories": the user resolvers (the built-in store and LDAP directories, each with its state
 * on this node, as {@code /health/ready} reports it) and the realms over them, with their
 * priorities and the default, which may be changed here. Resolvers and realms are configured
 * through the REST API ({@code /resolver/}, {@code /realm/}); the page shows what is stored.
 */
@Named("adminDirectories")
@ViewScoped
public class DirectoriesBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Resolvers resolvers;
  @Inject Realms realms;
  @Inject DirectoryPool pool;
  @Inject AdminSession admin;

  /** One resolver as the page shows it. */
  public record ResolverView(
      String name, String type, String address, String base, String state, String realms)
      implements Serializable {}

  /** One realm as the page shows it. */
  public record RealmView(String name, boolean isDefault, String members) implements Serializable {}

  private List<ResolverView> resolverViews;
  private List<RealmView> realmViews;

  @PostConstruct
  void load() {
    List<Realm> stored = realms.list();
    Map<String, DirectoryPool.DirectoryState> states = pool.states();
    resolverViews =
        resolvers.list().stream()
            .map(
                r ->
                    new ResolverView(
                        r.name(),
                        r.type().wireName(),
                        r.data().getOrDefault("LDAPURI", ""),
                        r.data().getOrDefault("LDAPBASE", ""),
                        stateOf(r, states),
                        stored.stream()
                            .filter(m -> m.resolvers().contains(r.name()))
                            .map(Realm::name)
                            .collect(Collectors.joining(", "))))
            .toList();
    realmViews =
        stored.stream()
            .map(
                m ->
                    new RealmView(
                        m.name(),
                        m.isDefault(),
                        m.members().stream()
                            .map(
                                x ->
                                    x.priority()
                                        .map(p -> x.resolver() + " (" + p + ")")
                                        .orElse(x.resolver()))
                            .collect(Collectors.joining(", "))))
            .toList();
  }

  private static String stateOf(Resolver r, Map<String, DirectoryPool.DirectoryState> states) {
    if (r.type() == ResolverType.BUILTIN) {
      return "builtin";
    }
    DirectoryPool.DirectoryState state = states.get(r.name());
    return state == null ? "down" : state.wireName();
  }

  /** Makes a realm the default: the realm of users who name none. */
  public void makeDefault(String realm) {
    try {
      realms.makeDefault(realm, admin.caller().origin());
      Texts.info("admin.directories.done.default", realm);
    } catch (DomainException e) {
      Texts.error("admin.directories.refused", realm, e.getMessage());
    }
    load();
  }

  public List<ResolverView> getResolvers() {
    return resolverViews;
  }

  public List<RealmView> getRealms() {
    return realmViews;
  }
}
