package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countersign.user.User;

/**
 * Finds tokens and applies the atomic counter updates. Each update is one SQL statement whose WHERE
 * clause carries the condition, so concurrent requests cannot both win.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TokenRepository {

  /**
   * EclipseLink's query hint for results outside the persistence context; other providers ignore
   * it.
   */
  private static final String READ_ONLY = "eclipselink.read-only";

  @PersistenceContext(unitName = "countersign")
  EntityManager em;

  @Inject Lockout lockout;
  @Inject Clock clock;

  public Optional<Token> bySerial(String serial) {
    return em.createNamedQuery(Token.BY_SERIAL, Token.class)
        .setParameter("serial", serial)
        .getResultStream()
        .findFirst();
  }

  /** The token whose authenticator's credential has this key (see {@code CredentialVerifier}). */
  public Optional<Token> byCredentialKey(String key) {
    return em.createNamedQuery(Token.BY_CREDENTIAL, Token.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /**
   * An owner's tokens, as read-only snapshots for checking a code: the persistence context does not
   * track them, so the commit has nothing to compare. Change them only through the single-statement
   * updates below.
   */
  public List<Token> ofOwner(String realm, String username) {
    return em.createNamedQuery(Token.BY_OWNER, Token.class)
        .setParameter("realm", realm)
        .setParameter("username", username)
        .setHint(READ_ONLY, "true")
        .getResultList();
  }

  /**
   * An owner's tokens of one type in one rollout state created after the given time, newest first.
   */
  public List<Token> inRolloutState(
      String realm, String username, String type, RolloutState state, LocalDateTime after) {
    return em.createQuery(
            "SELECT t FROM Token t WHERE t.realm = :realm AND t.username = :username"
                + " AND t.type = :type AND t.rolloutState = :state AND t.createdAt > :after ORDER BY t.id DESC",
            Token.class)
        .setParameter("realm", realm)
        .setParameter("username", username)
        .setParameter("type", type)
        .setParameter("state", state)
        .setParameter("after", after)
        .getResultList();
  }

  /**
   * Gives the tokens of this directory user's stable id in the user's realm the user's current
   * name, in one statement, and returns them as snapshots like {@link #ofOwner}. They are read
   * inside the transaction (a read-only query may not see its own uncommitted update) and then
   * detached.
   */
  public List<Token> followRename(User owner) {
    int moved =
        em.createNamedQuery(Token.FOLLOW_RENAME)
            .setParameter("username", owner.username())
            .setParameter("resolver", owner.resolver())
            .setParameter("uid", owner.userId())
            .setParameter("realm", owner.realm())
            .executeUpdate();
    if (moved == 0) {
      return List.of();
    }
    List<Token> renamed =
        em.createNamedQuery(Token.BY_OWNER, Token.class)
            .setParameter("realm", owner.realm())
            .setParameter("username", owner.username())
            .getResultList();
    renamed.forEach(em::detach);
    return renamed;
  }

  /** Deletes every token of an owner; how many there were. */
  public int removeOfOwner(String realm, String username) {
    return em.createNamedQuery(Token.DELETE_OF_OWNER)
        .setParameter("realm", realm)
        .setParameter("username", username)
        .executeUpdate();
  }

  public void add(Token token) {
    em.persist(token);
  }

  public void remove(Token token) {
    em.remove(token);
  }

  /**
   * Accepts a code for the counter it matched: moves the last accepted counter forward and clears
   * the fail count, only if the counter is still above the last accepted one, the token is enabled
   * and {@link Lockout} admits it, as stored now.
   *
   * @return whether this call won
   */
  public boolean accept(Token token, long counter, LocalDateTime now) {
    return admitting(em.createNamedQuery(Token.ACCEPT), token, now)
            .setParameter("counter", counter)
            .setParameter("now", now)
            .setParameter("id", token.id())
            .executeUpdate()
        == 1;
  }

  /**
   * Accepts a signed answer from an authenticator that keeps no signature counter (it sends 0):
   * only while the token has never seen a counter above 0, so that a clone of an authenticator that
   * does count cannot pass by sending 0; the fail count is cleared as for a code.
   *
   * @return whether the token accepted
   */
  public boolean acceptSignatureWithoutCounter(Token token, LocalDateTime now) {
    return admitted(Token.ACCEPT_SIGNATURE_WITHOUT_COUNTER, token, now);
  }

  /**
   * Rolls out a token that waited for the second step of its enrolment: its credential key, first
   * counter and public parameters, only if it is still waiting.
   *
   * @return whether this call completed it
   */
  public boolean complete(
      Token token, String credentialKey, long counter, java.util.Map<String, String> info) {
    return em.createNamedQuery(Token.COMPLETE)
            .setParameter("key", credentialKey)
            .setParameter("counter", counter)
            .setParameter("done", RolloutState.DONE)
            .setParameter("info", new java.util.LinkedHashMap<>(info))
            .setParameter("waiting", RolloutState.CLIENT_WAIT)
            .setParameter("id", token.id())
            .executeUpdate()
        == 1;
  }

  /**
   * Accepts a finalised challenge: clears the fail count, only if the token is enabled and {@link
   * Lockout} admits it, as stored now.
   *
   * @return whether the token accepted
   */
  public boolean acceptChallenge(Token token, LocalDateTime now) {
    return admitted(Token.ACCEPT_CHALLENGE, token, now);
  }

  /** Runs an accepting update that takes only the token and the time; whether it matched. */
  private boolean admitted(String query, Token token, LocalDateTime now) {
    return admitting(em.createNamedQuery(query), token, now)
            .setParameter("now", now)
            .setParameter("id", token.id())
            .executeUpdate()
        == 1;
  }

  private Query admitting(Query query, Token token, LocalDateTime now) {
    Instant at = now.toInstant(ZoneOffset.UTC);
    return query
        .setParameter("clearedBefore", lockout.clearedBefore(token, at))
        .setParameter("quietSince", lockout.quietSince(token, at));
  }

  /**
   * Counts a failure of each token: one more below the maximum; at the maximum, a token whose lock
   * had run out is locked again from now. A token still locked is left as it is, so attempts on it
   * never prolong the lock.
   */
  public void recordFailure(Collection<Token> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    tokens.forEach(t -> ids.add(t.id()));
    Instant now = clock.instant();
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    em.createNamedQuery(Token.RECORD_FAILURE)
        .setParameter("ids", ids)
        .setParameter("now", at)
        .executeUpdate();
    // Tokens of owners whose policies set another clear timeout are relocked with their own cutoff.
    Map<LocalDateTime, List<Long>> byCutoff = new HashMap<>();
    tokens.forEach(
        t ->
            byCutoff
                .computeIfAbsent(lockout.clearedBefore(t, now), c -> new ArrayList<>())
                .add(t.id()));
    byCutoff.forEach(
        (cutoff, group) ->
            em.createNamedQuery(Token.RELOCK)
                .setParameter("ids", group)
                .setParameter("now", at)
                .setParameter("clearedBefore", cutoff)
                .executeUpdate());
  }

  /** Moves the last accepted counter forward, never back; returns whether it moved. */
  public boolean advanceCounter(Token token, long counter) {
    return em.createNamedQuery(Token.ADVANCE_COUNTER)
            .setParameter("counter", counter)
            .setParameter("id", token.id())
            .executeUpdate()
        == 1;
  }

  public void setActive(Token token, boolean active) {
    set(Token.SET_ACTIVE, token, active);
  }

  public void setPinHash(Token token, String pinHash) {
    set(Token.SET_PIN, token, pinHash);
  }

  public void setRolloutState(Token token, RolloutState state) {
    set(Token.SET_ROLLOUT, token, state);
  }

  /**
   * Replaces the public parameters with the given ones (a copy of {@link Token#info()} with
   * changes).
   */
  public void setInfo(Token token, java.util.Map<String, String> info) {
    set(Token.SET_INFO, token, new java.util.LinkedHashMap<>(info));
  }

  /** Stores a sealed secret for a token that had none (an app registered it). */
  public void setSealedSecret(Token token, String sealed) {
    set(Token.SET_SECRET, token, sealed);
  }

  public void resetFailures(Token token) {
    em.createNamedQuery(Token.RESET_FAILURES).setParameter("id", token.id()).executeUpdate();
  }

  private void set(String query, Token token, Object value) {
    em.createNamedQuery(query)
        .setParameter("value", value)
        .setParameter("id", token.id())
        .executeUpdate();
  }

  /** Re-reads a token after a bulk update changed its row. */
  public Token refreshed(Token token) {
    em.refresh(token);
    return token;
  }

  /** One page of tokens matching the filter, newest first by id, and the total count. */
  public Page list(TokenFilter filter, int page, int pageSize) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    filter.serial().ifPresent(s -> where.append(" AND t.serial = :serial"));
    filter.type().ifPresent(s -> where.append(" AND t.type = :type"));
    filter.username().ifPresent(s -> where.append(" AND t.username = :username"));
    filter.realm().ifPresent(s -> where.append(" AND t.realm = :realm"));
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM Token t" + where, Long.class);
    TypedQuery<Token> rows =
        em.createQuery("SELECT t FROM Token t" + where + " ORDER BY t.id", Token.class);
    bind(count, filter);
    bind(rows, filter);
    long total = count.getSingleResult();
    List<Token> tokens =
        rows.setFirstResult((page - 1) * pageSize).setMaxResults(pageSize).getResultList();
    return new Page(tokens, total);
  }

  private static void bind(TypedQuery<?> q, TokenFilter f) {
    f.serial().ifPresent(s -> q.setParameter("serial", s));
    f.type().ifPresent(s -> q.setParameter("type", s));
    f.username().ifPresent(s -> q.setParameter("username", s));
    f.realm().ifPresent(s -> q.setParameter("realm", s));
  }

  /** A page of tokens and how many match in all. */
  public record Page(List<Token> tokens, long total) {}
}
