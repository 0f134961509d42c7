package org.countersign.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.countersign.crypto.KeyException;
import org.countersign.crypto.KeyFile;
import org.countersign.crypto.KeyRing;

/**
 * Loads the master key and proves it belongs to this database. The database keeps a value sealed
 * under the key; a key that cannot open it, or a missing key file for a database that has one,
 * stops the start-up.
 */
@ApplicationScoped
public class KeyCheck {

  private static final Logger LOG = Logger.getLogger(KeyCheck.class.getName());

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject KeyRing keys;
  @Inject SecureRandom random;

  @Transactional
  public void loadKey() {
    KeyFile file = keys.keyFile();
    Optional<Meta> check = Optional.ofNullable(em.find(Meta.class, Meta.KEY_CHECK));
    Optional<byte[]> key = file.read();
    if (key.isEmpty()) {
      if (check.isPresent() || holdsSecrets()) {
        throw new KeyException(
            "the key file "
                + file.path()
                + " is missing, but the database holds secrets sealed with it."
                + " Restore the key file from your backup (or point countersign.data.dir at it).");
      }
      keys.install(file.create(random));
      em.persist(new Meta(Meta.KEY_CHECK, keys.newKeyCheck()));
      LOG.info("Created a new master key file " + file.path());
      return;
    }
    keys.install(key.get());
    if (check.isEmpty()) {
      if (holdsSecrets()) {
        throw new KeyException(
            "the database holds secrets but no key check; refusing to guess the key.");
      }
      em.persist(new Meta(Meta.KEY_CHECK, keys.newKeyCheck()));
    } else if (!keys.opensKeyCheck(check.get().value())) {
      throw new KeyException(
          "the key file "
              + file.path()
              + " does not belong to this database: its secrets do not open with it.");
    }
  }

  private boolean holdsSecrets() {
    return em.createQuery("SELECT COUNT(t) FROM Token t", Long.class).getSingleResult() > 0;
  }
}
