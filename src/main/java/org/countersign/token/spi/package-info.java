/**
 * The token-type extension point. A type is a CDI bean implementing {@link
 * org.countersign.token.spi.TokenType}; optional abilities are separate small interfaces ({@link
 * org.countersign.token.spi.OtpVerifier}, {@link org.countersign.token.spi.Resynchronizer}, {@link
 * org.countersign.token.spi.ChallengeIssuer}, {@link org.countersign.token.spi.AnswerVerifier},
 * {@link org.countersign.token.spi.Resumable}, {@link org.countersign.token.spi.AppEndpoint}).
 * Types read request parameters through the read-only {@link org.countersign.token.spi.Parameters}
 * view and answer with values ({@link org.countersign.token.spi.TypeEnrolment}, {@link
 * org.countersign.token.spi.Provisioning}); they never see the transport. Adding a type means
 * adding a package with such a bean; the core does not change.
 */
package org.countersign.token.spi;
