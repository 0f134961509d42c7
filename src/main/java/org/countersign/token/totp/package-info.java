/**
 * The OATH token types: TOTP (RFC 6238) and HOTP (RFC 4226), with the pure algorithms {@link
 * org.countersign.token.totp.Hotp} and {@link org.countersign.token.totp.Totp} and the otpauth
 * provisioning URI.
 */
package org.countersign.token.totp;
