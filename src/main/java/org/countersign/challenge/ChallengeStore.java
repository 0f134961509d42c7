package org.countersign.challenge;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where challenges live. Every read sees only challenges that have not expired at {@code now}, and
 * every change is one conditional statement, so that of two concurrent answers or finalisations
 * exactly one wins. {@link JpaChallengeStore} is the one the server uses.
 */
public interface ChallengeStore {

  void add(Challenge challenge);

  /** Whether an unexpired challenge of the transaction, whatever its purpose, is answered. */
  boolean anyAnswered(String transactionId, LocalDateTime now);

  /** The unexpired challenges of a transaction opened for this purpose. */
  List<Challenge> ofTransaction(String transactionId, Purpose purpose, LocalDateTime now);

  /** Deletes the unexpired challenges of a transaction and purpose; how many there were. */
  int close(String transactionId, Purpose purpose, LocalDateTime now);

  Optional<Challenge> bySessionKey(String sessionKey, LocalDateTime now);

  /** Marks a pending, unexpired challenge answered; false when it was not pending any more. */
  boolean markAnswered(Challenge challenge, LocalDateTime now);

  /** Deletes the answered, unexpired challenge of this transaction, purpose and serial. */
  boolean finalise(String transactionId, Purpose purpose, String serial, LocalDateTime now);
}
