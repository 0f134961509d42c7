package org.countersign.token.spi;

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
 *   public TypeEnrolment enrol(Parameters params, EnrolmentContext context) { ... }
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
   * Decides the type's part of a new token from the enrolment parameters: its code length, public
   * parameters and rollout state, and what the enroller is shown once (an otpauth URI, an app
   * enrolment URL...); a secret it makes or takes it seals through the context. The core has chosen
   * serial, owner, PIN and description, applies the result and persists the token. Invalid
   * parameters are a parameter error.
   */
  TypeEnrolment enrol(Parameters params, EnrolmentContext context);
}
