package org.countersign.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.config.Settings;
import org.countersign.directory.DirectoryException;
import org.countersign.directory.DirectoryUser;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.resolver.DirectoryPool;
import org.countersign.resolver.Realm;
import org.countersign.resolver.Realms;

/**
 * The users of a realm, whatever resolver holds them: the built-in store (create, find, list,
 * delete, password checks) and LDAP directories (find, list, a password check by a bind). Deleting
 * a user announces {@link UserDeleted} in the same transaction, so that what others keep for the
 * user (their tokens) goes with them.
 */
@ApplicationScoped
public class UserStore {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}");

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject Passwords passwords;
  @Inject Settings settings;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<UserDeleted> deleted;
  @Inject Realms realms;
  @Inject DirectoryPool directories;

  /**
   * The name of the built-in store among the resolvers of privacyIDEA's model (policies, token
   * fields).
   */
  public static final String RESOLVER = "builtin";

  /**
   * The realm name to use: the given one (case does not matter) or the default; empty when no such
   * realm exists.
   */
  public Optional<String> realm(Optional<String> requested) {
    String realm = requested.filter(r -> !r.isBlank()).orElseGet(realms::defaultName);
    return realms.find(realm).map(Realm::name);
  }

  /** Like {@link #realm(Optional)}, for admin calls, where an unknown realm is an error. */
  public String requireRealm(Optional<String> requested) {
    return realm(requested)
        .orElseThrow(
            () ->
                new DomainException(
                    Reason.USER, "Realm '" + requested.orElse("") + "' does not exist."));
  }

  /**
   * The user of this name in the realm: its resolvers are asked in priority order, the first that
   * knows the name answers. A directory that does not answer is a {@link DirectoryException}.
   */
  @Transactional(dontRollbackOn = DirectoryException.class)
  public Optional<User> find(String realm, String username) {
    if (!NAME.matcher(username).matches()) {
      return Optional.empty();
    }
    for (String resolver : resolversOf(realm)) {
      Optional<User> user = findIn(realm, resolver, username);
      if (user.isPresent()) {
        return user;
      }
    }
    return Optional.empty();
  }

  private Optional<User> findIn(String realm, String resolver, String username) {
    if (resolver.equals(RESOLVER)) {
      return em.createNamedQuery(User.BY_NAME, User.class)
          .setParameter("realm", realm)
          .setParameter("username", username)
          .getResultStream()
          .findFirst();
    }
    return directories
        .directory(resolver)
        .flatMap(d -> d.find(username))
        .map(u -> of(realm, resolver, u));
  }

  private User of(String realm, String resolver, DirectoryUser d) {
    User u = User.ofDirectory(realm, resolver, d.uid(), d.username(), LocalDateTime.now(clock));
    u.describe(d.first("givenname"), d.first("surname"), d.first("email"));
    u.mapFields(d.attributes());
    return u;
  }

  private List<String> resolversOf(String realm) {
    return realms.find(realm).map(Realm::resolvers).orElse(List.of());
  }

  public User require(String realm, String username) {
    return find(realm, username)
        .orElseThrow(
            () ->
                new DomainException(
                    Reason.USER, "User <" + username + "@" + realm + "> does not exist."));
  }

  /** The users of every resolver of the realm; a directory that does not answer is skipped. */
  @Transactional
  public List<User> list(String realm) {
    List<User> out = new ArrayList<>();
    for (String resolver : resolversOf(realm)) {
      if (resolver.equals(RESOLVER)) {
        out.addAll(
            em.createNamedQuery(User.ALL, User.class).setParameter("realm", realm).getResultList());
        continue;
      }
      try {
        directories
            .directory(resolver)
            .ifPresent(
                d ->
                    d.list(Optional.empty()).stream()
                        .filter(u -> NAME.matcher(u.username()).matches())
                        .forEach(u -> out.add(of(realm, resolver, u))));
      } catch (DirectoryException e) {
        // privacyIDEA skips a broken resolver in a listing; /health/ready reports it
      }
    }
    return out;
  }

  @Transactional
  public User create(NewUser request, Origin origin) {
    if (!NAME.matcher(request.username()).matches()) {
      throw DomainException.invalid(
          "user", "1 to 64 letters, digits or . _ @ + -, starting with a letter or digit");
    }
    if (request.password().length() < Passwords.MIN_LENGTH) {
      throw DomainException.invalid("password", "at least " + Passwords.MIN_LENGTH + " characters");
    }
    if (!resolversOf(request.realm()).contains(RESOLVER)) {
      throw new DomainException(
          Reason.USER,
          "Realm '" + request.realm() + "' has no built-in user store to add users to.");
    }
    if (find(request.realm(), request.username()).isPresent()) {
      throw new DomainException(
          Reason.USER, "User <" + request.username() + "@" + request.realm() + "> already exists.");
    }
    User user =
        new User(
            request.realm(),
            request.username(),
            passwords.hash(request.password()),
            LocalDateTime.now(clock));
    user.describe(request.givenName(), request.surname(), request.email());
    em.persist(user);
    audit.write(
        audit
            .entry("user_create", origin)
            .user(request.realm(), request.username())
            .outcome(true, "OK", null));
    return user;
  }

  @Transactional
  public int delete(String realm, String username, Origin origin) {
    User user = require(realm, username);
    if (user.inDirectory()) {
      throw new DomainException(
          Reason.USER,
          "User <" + username + "@" + realm + "> lives in a directory; delete them there.");
    }
    em.remove(user);
    deleted.fire(new UserDeleted(realm, username, origin));
    audit.write(audit.entry("user_delete", origin).user(realm, username).outcome(true, "OK", null));
    return 1;
  }

  /**
   * The user with these credentials; constant time whether or not the user exists. {@link
   * PasswordHashingBusy} when no hashing slot is free, which leaves the caller's transaction
   * intact.
   */
  @Transactional(dontRollbackOn = {PasswordHashingBusy.class, DirectoryException.class})
  public Optional<User> authenticate(String realm, String username, String password) {
    Optional<User> user = find(realm, username);
    if (user.isPresent() && user.get().inDirectory()) {
      return directories
          .directory(user.get().resolver())
          .flatMap(d -> d.authenticate(username, password))
          .map(u -> of(realm, user.get().resolver(), u));
    }
    boolean ok = passwords.matches(password, user.map(User::passwordHash).orElse(null));
    return ok ? user : Optional.empty();
  }
}
