package org.countersign.token;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A token repository in memory, for service tests below the container. The conditional updates
 * behave as the database's do: a counter only moves forward, a failure is counted per token.
 */
public class InMemoryTokens extends TokenRepository {

  public final List<Token> stored = new ArrayList<>();
  public final Map<String, Integer> failures = new HashMap<>();

  @Override
  public Optional<Token> bySerial(String serial) {
    return stored.stream().filter(t -> t.serial().equals(serial)).findFirst();
  }

  @Override
  public List<Token> ofOwner(String realm, String username) {
    return stored.stream().filter(t -> t.isOwnedBy(realm, username)).toList();
  }

  @Override
  public List<Token> inRolloutState(
      String realm, String username, String type, RolloutState state, LocalDateTime after) {
    return ofOwner(realm, username).stream()
        .filter(t -> t.type().equals(type) && t.rolloutState() == state)
        .filter(t -> t.createdAt().isAfter(after))
        .toList();
  }

  @Override
  public List<Token> followRename(org.countersign.user.User owner) {
    List<Token> moved =
        stored.stream()
            .filter(t -> t.ownedByIdentity(owner) && !t.isOwnedBy(owner.realm(), owner.username()))
            .toList();
    moved.forEach(t -> t.assignTo(owner));
    return moved;
  }

  @Override
  public void add(Token token) {
    stored.add(token);
  }

  @Override
  public void remove(Token token) {
    stored.remove(token);
  }

  @Override
  public boolean advanceCounter(Token token, long counter) {
    if (counter <= token.lastCounter()) {
      return false;
    }
    token.setLastCounter(counter);
    return true;
  }

  @Override
  public boolean accept(Token token, long counter, LocalDateTime now) {
    return advanceCounter(token, counter);
  }

  @Override
  public void recordFailure(Collection<Token> tokens) {
    tokens.forEach(t -> failures.merge(t.serial(), 1, Integer::sum));
  }

  @Override
  public void setRolloutState(Token token, RolloutState state) {
    token.setRolloutState(state);
  }

  @Override
  public void setPinHash(Token token, String pinHash) {
    token.setPinHash(pinHash);
  }

  @Override
  public Token refreshed(Token token) {
    return token;
  }

  public int failuresOf(String serial) {
    return failures.getOrDefault(serial, 0);
  }
}
