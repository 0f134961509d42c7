package org.countersign.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.countersign.config.Settings;

/**
 * The administrator accounts of the API; the first one, {@code admin}, is created at first start.
 */
@ApplicationScoped
public class AdminAccounts {

  public static final String INITIAL_ADMIN = "admin";
  private static final Logger LOG = Logger.getLogger(AdminAccounts.class.getName());

  /**
   * The example values of config/countersign.env and config/postgresql.env, which a server must not
   * run with.
   */
  private static final Set<String> PLACEHOLDERS =
      Set.of("change-me-before-first-start", "change-me");

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject Passwords passwords;
  @Inject Settings settings;
  @Inject SecureRandom random;
  @Inject Clock clock;

  /**
   * Refuses a configured admin password that is a documented placeholder or shorter than the
   * configured minimum, at every start: the setting is the operator's statement of the password,
   * whether or not the account exists.
   *
   * @throws IllegalStateException saying which rule the setting breaks (never the password itself)
   */
  public void checkConfiguredPassword() {
    Optional<String> configured = settings.adminPassword();
    if (configured.isEmpty()) {
      return;
    }
    if (PLACEHOLDERS.contains(configured.get())) {
      throw new IllegalStateException(
          "Configuration '"
              + Settings.ADMIN_PASSWORD
              + "' is still the example value of config/countersign.env; choose a password of your own.");
    }
    int min = settings.adminPasswordMinLength();
    if (configured.get().codePointCount(0, configured.get().length()) < min) {
      throw new IllegalStateException(
          "Configuration '"
              + Settings.ADMIN_PASSWORD
              + "' is shorter than "
              + min
              + " characters ("
              + Settings.ADMIN_PASSWORD_MIN_LENGTH
              + ").");
    }
  }

  /**
   * Creates {@code admin} when no administrator exists: with the configured password, or with a
   * generated one that is written to the log this once (the only secret the server ever logs, so
   * that a new installation can be reached).
   */
  @Transactional
  public void ensureInitialAdmin() {
    if (em.createNamedQuery(Admin.COUNT, Long.class).getSingleResult() > 0) {
      return;
    }
    Optional<String> configured = settings.adminPassword();
    String password = configured.orElseGet(this::generatePassword);
    em.persist(new Admin(INITIAL_ADMIN, passwords.hash(password), LocalDateTime.now(clock)));
    if (configured.isEmpty()) {
      LOG.warning(
          "Created the administrator account 'admin' with the generated password "
              + password
              + " (shown only this once; set countersign.admin.password to choose one).");
    } else {
      LOG.info("Created the administrator account 'admin' with the configured password.");
    }
  }

  /**
   * The administrator with these credentials, checked in constant time whether or not the name
   * exists.
   */
  @Transactional
  public Optional<Admin> authenticate(String username, String password) {
    Admin admin = em.find(Admin.class, username);
    boolean ok = passwords.matches(password, admin == null ? null : admin.passwordHash());
    return ok ? Optional.of(admin) : Optional.empty();
  }

  @Transactional
  public boolean exists(String username) {
    return em.find(Admin.class, username) != null;
  }

  private String generatePassword() {
    byte[] bytes = new byte[15];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
