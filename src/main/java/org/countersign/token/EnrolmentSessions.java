package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * One-time enrolment sessions for app-registered tokens: opened at {@code /token/init}, checked
 * when the app fetches its metadata, consumed when it registers its secret.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EnrolmentSessions {

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject SecureRandom random;
  @Inject Clock clock;

  /**
   * Opens a session for a token and returns the session value (128 random bits, hex) to put in the
   * QR code.
   */
  public String open(String serial, int validSeconds) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    String session = HexFormat.of().formatHex(b);
    LocalDateTime expires =
        LocalDateTime.ofInstant(clock.instant().plusSeconds(validSeconds), ZoneOffset.UTC);
    em.persist(new EnrolmentSession(hash(session), serial, expires));
    return session;
  }

  public boolean isValid(String session, String serial) {
    return em.createNamedQuery(EnrolmentSession.VALID, Long.class)
            .setParameter("hash", hash(session))
            .setParameter("serial", serial)
            .setParameter("now", now())
            .getSingleResult()
        > 0;
  }

  /** Uses the session up; true exactly once, and only before it expires. */
  public boolean consume(String session, String serial) {
    return em.createNamedQuery(EnrolmentSession.CONSUME)
            .setParameter("hash", hash(session))
            .setParameter("serial", serial)
            .setParameter("now", now())
            .executeUpdate()
        == 1;
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String hash(String session) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(session.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
