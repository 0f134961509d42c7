package org.countersign.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countersign.audit.AuditLog;
import org.countersign.audit.Origin;
import org.countersign.config.Settings;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;

/**
 * The built-in user store behind the default realm: create, find, list, delete and password checks.
 * Deleting a user announces {@link UserDeleted} in the same transaction, so that what others keep
 * for the user (their tokens) goes with them.
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

  /**
   * The name of the built-in store among the resolvers of privacyIDEA's model (policies, token
   * fields).
   */
  public static final String RESOLVER = "builtin";

  /** The realm name to use: the given one or the default; empty when no such realm exists. */
  public Optional<String> realm(Optional<String> requested) {
    String realm = requested.filter(r -> !r.isBlank()).orElse(settings.defaultRealm());
    return realm.equals(settings.defaultRealm()) ? Optional.of(realm) : Optional.empty();
  }

  /** Like {@link #realm(Optional)}, for admin calls, where an unknown realm is an error. */
  public String requireRealm(Optional<String> requested) {
    return realm(requested)
        .orElseThrow(
            () ->
                new DomainException(
                    Reason.USER, "Realm '" + requested.orElse("") + "' does not exist."));
  }

  @Transactional
  public Optional<User> find(String realm, String username) {
    if (!NAME.matcher(username).matches()) {
      return Optional.empty();
    }
    return em.createNamedQuery(User.BY_NAME, User.class)
        .setParameter("realm", realm)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public User require(String realm, String username) {
    return find(realm, username)
        .orElseThrow(
            () ->
                new DomainException(
                    Reason.USER, "User <" + username + "@" + realm + "> does not exist."));
  }

  @Transactional
  public List<User> list(String realm) {
    return em.createNamedQuery(User.ALL, User.class).setParameter("realm", realm).getResultList();
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
  @Transactional(dontRollbackOn = PasswordHashingBusy.class)
  public Optional<User> authenticate(String realm, String username, String password) {
    Optional<User> user = find(realm, username);
    boolean ok = passwords.matches(password, user.map(User::passwordHash).orElse(null));
    return ok ? user : Optional.empty();
  }
}
