/**
 * The token-type extension point. A type is a CDI bean implementing {@link
 * org.countersign.token.spi.TokenType}; optional abilities are separate small interfaces ({@link
 * org.countersign.token.spi.OtpVerifier}, {@link org.countersign.token.spi.Resynchronizer}, ...).
 * Adding a type means adding a package with such a bean; the core does not change.
 */
package org.countersign.token.spi;
