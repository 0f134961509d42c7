package org.countersign.token.spi;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.countersign.token.Token;

/**
 * Capability of a challenge-response type: makes a new challenge for a token. The core stores it
 * (with the transaction id it chose, shared by every challenge of one request), shows it to the
 * client in {@code multi_challenge}, and later finalises it once the type has marked it answered.
 *
 * <pre>{@code
 * types.capability(token.type(), ChallengeIssuer.class).map(i -> i.create(token, transactionId, now));
 * }</pre>
 */
public interface ChallengeIssuer {

  NewChallenge create(Token token, String transactionId, Instant now);

  /**
   * A new challenge: the data to store (the question), an optional key by which the token's app
   * refers to it, and what the client shows: a message, the client mode ({@code poll}, {@code
   * interactive}...), type-specific attributes and an optional image.
   */
  record NewChallenge(
      String data,
      String sessionKey,
      String message,
      String clientMode,
      JsonObject attributes,
      String image) {}
}
