package org.countersign.challenge;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The challenge table in memory, with the conditions of {@link Challenge}'s named queries: a
 * challenge is visible while {@code expiresAt > now}; answering needs it pending; finalising needs
 * it answered and deletes it.
 */
final class MemoryChallengeStore implements ChallengeStore {

  final List<Challenge> rows = new ArrayList<>();
  private final Set<Challenge> answered = new HashSet<>();

  @Override
  public void add(Challenge challenge) {
    rows.add(challenge);
  }

  private List<Challenge> live(String transactionId, LocalDateTime now) {
    return rows.stream()
        .filter(c -> c.transactionId().equals(transactionId) && c.expiresAt().isAfter(now))
        .toList();
  }

  private static boolean of(Challenge c, Purpose purpose) {
    return c.purpose() == purpose;
  }

  @Override
  public boolean anyAnswered(String transactionId, LocalDateTime now) {
    return live(transactionId, now).stream().anyMatch(answered::contains);
  }

  @Override
  public List<Challenge> ofTransaction(String transactionId, Purpose purpose, LocalDateTime now) {
    return live(transactionId, now).stream().filter(c -> of(c, purpose)).toList();
  }

  @Override
  public int close(String transactionId, Purpose purpose, LocalDateTime now) {
    List<Challenge> closed = ofTransaction(transactionId, purpose, now);
    rows.removeAll(closed);
    return closed.size();
  }

  @Override
  public Optional<Challenge> bySessionKey(String sessionKey, LocalDateTime now) {
    return rows.stream()
        .filter(c -> sessionKey.equals(c.sessionKey()) && c.expiresAt().isAfter(now))
        .findFirst();
  }

  @Override
  public boolean markAnswered(Challenge challenge, LocalDateTime now) {
    return rows.contains(challenge)
        && challenge.expiresAt().isAfter(now)
        && answered.add(challenge);
  }

  @Override
  public boolean finalise(String transactionId, Purpose purpose, String serial, LocalDateTime now) {
    Optional<Challenge> done =
        ofTransaction(transactionId, purpose, now).stream()
            .filter(c -> c.serial().equals(serial) && answered.contains(c))
            .findFirst();
    done.ifPresent(rows::remove);
    return done.isPresent();
  }
}
