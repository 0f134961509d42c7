package org.countersign.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One LDAP resolver's directory: look-ups through a pool bound as the service account, password
 * checks by a bind as the user on a connection of its own (so a user's bind never changes the
 * identity of a pooled connection), every operation bounded by the resolver's TIMEOUT.
 *
 * <pre>{@code
 * try (LdapDirectory d = new LdapDirectory("corp", config, bindPassword, clock)) {
 *   Optional<DirectoryUser> alice = d.authenticate("alice", password);
 * }
 * }</pre>
 */
public final class LdapDirectory implements AutoCloseable {

  private static final int MAX_POOL = 10;
  private static final int CACHE_ENTRIES = 10_000;

  private final String name;
  private final LdapConfig config;
  private final ServerSet servers;
  private final BindRequest serviceBind;
  private final LookupCache<DirectoryUser> byLogin;
  private final LookupCache<DirectoryUser> byUid;
  private volatile LDAPConnectionPool pool;

  public LdapDirectory(String name, LdapConfig config, String bindPassword, Clock clock) {
    this.name = name;
    this.config = config;
    this.servers = Connections.serverSet(config);
    this.serviceBind =
        config.bindDn().isEmpty()
            ? null
            : withTimeout(new SimpleBindRequest(config.bindDn(), bindPassword));
    this.byLogin = new LookupCache<>(config.cacheTimeout(), CACHE_ENTRIES, clock);
    this.byUid = new LookupCache<>(config.cacheTimeout(), CACHE_ENTRIES, clock);
  }

  public String name() {
    return name;
  }

  public LdapConfig config() {
    return config;
  }

  /** The user whose login attribute has this value; empty when none (or more than one) has it. */
  public Optional<DirectoryUser> find(String login) {
    if (!plausible(login)) {
      return Optional.empty();
    }
    Optional<DirectoryUser> cached = byLogin.get(login);
    if (cached.isPresent()) {
      return cached;
    }
    List<DirectoryUser> found = search(Filters.login(config, login), 2);
    Optional<DirectoryUser> user = found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    user.ifPresent(this::remember);
    return user;
  }

  /** The user with this stable id (as UIDTYPE says); empty when the directory no longer has it. */
  public Optional<DirectoryUser> byUid(String uid) {
    Optional<DirectoryUser> cached = byUid.get(uid);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<DirectoryUser> user;
    if (config.uidType().equals(LdapConfig.DN)) {
      user = readEntry(uid);
    } else {
      Optional<Filter> f = Filters.uid(config, uid);
      List<DirectoryUser> found = f.isEmpty() ? List.of() : search(f.get(), 2);
      user = found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
    user.ifPresent(this::remember);
    return user;
  }

  /**
   * Users whose login matches the pattern ({@code *} is a wildcard, nothing else is special), up to
   * SIZELIMIT; every user when the pattern is empty.
   */
  public List<DirectoryUser> list(Optional<String> pattern) {
    Filter f =
        pattern
            .filter(p -> !p.isEmpty() && !p.equals("*"))
            .map(p -> Filters.loginPattern(config, p))
            .orElse(config.searchFilter());
    return search(f, config.sizeLimit());
  }

  /**
   * The user, when the password is theirs: a look-up as the service account, then a bind as the
   * user's DN on a new connection. An empty password never binds (it would be an anonymous bind).
   */
  public Optional<DirectoryUser> authenticate(String login, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.empty();
    }
    Optional<DirectoryUser> user = find(login);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    try (LDAPConnection c = servers.getConnection()) {
      c.bind(withTimeout(new SimpleBindRequest(user.get().dn(), password)));
      return user;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
        return Optional.empty();
      }
      throw unavailable(e);
    }
  }

  /** Whether the directory answers a search as the service account now, with the users found. */
  public int probe() {
    return search(config.searchFilter(), config.sizeLimit()).size();
  }

  /** Whether the directory answers a read of the search base as the service account now. */
  public boolean reachable() {
    try {
      return pool().getEntry(config.base(), "1.1") != null;
    } catch (LDAPException e) {
      return false;
    }
  }

  @Override
  public void close() {
    LDAPConnectionPool p = pool;
    if (p != null) {
      p.close();
    }
  }

  private List<DirectoryUser> search(Filter filter, int limit) {
    SearchRequest request =
        new SearchRequest(
            config.base(),
            config.scope(),
            DereferencePolicy.NEVER,
            limit,
            (int) Math.max(1, config.timeout().toSeconds()),
            false,
            filter,
            attributes());
    request.setResponseTimeoutMillis(config.timeout().toMillis());
    List<SearchResultEntry> entries;
    try {
      SearchResult result = pool().search(request);
      entries = result.getSearchEntries();
    } catch (LDAPSearchException e) {
      if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
        throw unavailable(e);
      }
      entries = e.getSearchEntries();
    } catch (LDAPException e) {
      throw unavailable(e);
    }
    List<DirectoryUser> out = new ArrayList<>();
    for (SearchResultEntry e : entries) {
      toUser(e).ifPresent(out::add);
    }
    return out;
  }

  private Optional<DirectoryUser> readEntry(String dn) {
    try {
      SearchResultEntry e = pool().getEntry(dn, attributes());
      if (e == null || !config.searchFilter().matchesEntry(e)) {
        return Optional.empty();
      }
      return toUser(e);
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT
          || e.getResultCode() == ResultCode.INVALID_DN_SYNTAX) {
        return Optional.empty();
      }
      throw unavailable(e);
    }
  }

  private Optional<DirectoryUser> toUser(SearchResultEntry e) {
    String username = e.getAttributeValue(config.primaryLogin());
    Optional<String> uid = Uids.of(config, e);
    if (username == null || uid.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    config
        .userInfo()
        .forEach(
            (field, attribute) -> {
              Attribute a = e.getAttribute(attribute);
              if (a != null && a.hasValue()) {
                fields.put(field, List.of(a.getValues()));
              }
            });
    return Optional.of(new DirectoryUser(uid.get(), e.getDN(), username, fields));
  }

  private String[] attributes() {
    Set<String> names = new LinkedHashSet<>(config.loginAttributes());
    names.addAll(config.userInfo().values());
    if (!config.uidType().equals(LdapConfig.DN)) {
      names.add(config.uidType());
    }
    return names.toArray(String[]::new);
  }

  private void remember(DirectoryUser user) {
    // A fresh answer with a new login for a known id is a rename: the old login no longer finds it.
    byUid
        .get(user.uid())
        .filter(known -> !known.username().equals(user.username()))
        .ifPresent(known -> byLogin.remove(known.username()));
    byLogin.put(user.username(), user);
    byUid.put(user.uid(), user);
  }

  /**
   * The pool, made on first use: a directory that is away when the resolver is configured (or the
   * server starts) does not stop the server, and the pool connects when it is back.
   */
  private LDAPConnectionPool pool() throws LDAPException {
    LDAPConnectionPool p = pool;
    if (p == null) {
      synchronized (this) {
        p = pool;
        if (p == null) {
          p = new LDAPConnectionPool(servers, serviceBind, 0, MAX_POOL, null, false);
          p.setMaxWaitTimeMillis(config.timeout().toMillis());
          p.setRetryFailedOperationsDueToInvalidConnections(true);
          p.setCreateIfNecessary(true);
          pool = p;
        }
      }
    }
    return p;
  }

  private BindRequest withTimeout(SimpleBindRequest request) {
    request.setResponseTimeoutMillis(config.timeout().toMillis());
    return request;
  }

  private static boolean plausible(String login) {
    return login != null && !login.isEmpty() && login.length() <= 256;
  }

  private DirectoryException unavailable(LDAPException e) {
    return new DirectoryException(
        "The directory of resolver " + name + " did not answer: " + e.getResultCode().getName());
  }
}
