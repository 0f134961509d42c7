/**
 * Passkeys (FIDO2/WebAuthn discoverable credentials) as a token type, in privacyIDEA's passkey
 * dialect: a two-step enrolment that registers a credential, and user-less authentication in which
 * the credential names its token. Verification is webauthn4j's; this package decides the options,
 * the relying party and the allowed origins.
 */
package org.countersign.token.passkey;
