package org.countersign.token.spi;

import jakarta.json.JsonObject;
import org.countersign.api.Params;
import org.countersign.token.Token;

/**
 * A kind of token, as a CDI bean. The core finds types by {@link #name()} and never names one
 * itself; what a type can do beyond enrolment it declares by also implementing small capability
 * interfaces such as {@link OtpVerifier}, {@link Resynchronizer} or {@link ChallengeIssuer}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SmsType implements TokenType, ChallengeIssuer {
 *   public String name() { return "sms"; }
 *   public String serialPrefix() { return "PISM"; }
 *   public JsonObject enrol(Token token, Params params, EnrolmentContext context) { ... }
 *   ...
 * }
 * }</pre>
 */
public interface TokenType {

  /** The type as the API names it ({@code type=} on {@code /token/init}), lower case. */
  String name();

  /** Prefix of generated serials, such as {@code TOTP}. */
  String serialPrefix();

  /**
   * Sets up a new token from the {@code /token/init} parameters: its code length, public
   * parameters, sealed secret and rollout state. The core has already set serial, owner, PIN and
   * description, and persists the token afterwards. Returns the detail entries the enroller sees
   * once (such as {@code googleurl}); invalid parameters throw {@code DomainException}.
   */
  JsonObject enrol(Token token, Params params, EnrolmentContext context);
}
