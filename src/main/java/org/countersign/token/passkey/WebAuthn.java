package org.countersign.token.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import java.util.List;

/**
 * The WebAuthn ceremonies this server verifies, with webauthn4j: a registration (attestation {@code
 * none} or {@code packed}, ES256, EdDSA or RS256) and an assertion by a registered credential.
 * Pure: no storage, no clock; every refusal is a {@link Refused} with a reason fit for the audit
 * trail.
 */
final class WebAuthn {

  /** The algorithms a new credential may use, in the order offered to the browser. */
  static final List<COSEAlgorithmIdentifier> ALGORITHMS =
      List.of(
          COSEAlgorithmIdentifier.ES256,
          COSEAlgorithmIdentifier.EdDSA,
          COSEAlgorithmIdentifier.RS256);

  private static final ObjectConverter CONVERTER = new ObjectConverter();

  /**
   * Verifies {@code none} and {@code packed} statements (webauthn4j's non-strict manager would
   * accept a packed statement unchecked). Self attestation is allowed and attestation certificates
   * are not chained to a trust anchor: passkeys are accepted from any authenticator, as with
   * privacyIDEA's default conveyance {@code none}; the signature of a packed statement is checked.
   */
  private static final WebAuthnManager MANAGER =
      new WebAuthnManager(
          List.of(new NoneAttestationStatementVerifier(), new PackedAttestationStatementVerifier()),
          new NullCertPathTrustworthinessVerifier(),
          new DefaultSelfAttestationTrustworthinessVerifier(true),
          CONVERTER);

  private static final AttestedCredentialDataConverter CREDENTIALS =
      new AttestedCredentialDataConverter(CONVERTER);

  private final PasskeySettings settings;

  WebAuthn(PasskeySettings settings) {
    this.settings = settings;
  }

  /** A verified registration: the credential's public data and its first counter. */
  record Registered(
      byte[] credentialId,
      byte[] attestedCredential,
      String aaguid,
      String format,
      long counter,
      boolean backupEligible,
      boolean backedUp) {}

  /** Verifies a new credential's attestation against the enrolment challenge. */
  Registered register(byte[] attestationObject, byte[] clientDataJson, byte[] challenge)
      throws Refused {
    RegistrationData data;
    try {
      data =
          MANAGER.verify(
              new RegistrationRequest(attestationObject, clientDataJson),
              new RegistrationParameters(
                  server(challenge),
                  ALGORITHMS.stream()
                      .map(
                          a ->
                              new PublicKeyCredentialParameters(
                                  PublicKeyCredentialType.PUBLIC_KEY, a))
                      .toList(),
                  settings.requiresUserVerification(),
                  true));
    } catch (VerificationException e) {
      throw new Refused("attestation refused: " + e.getMessage());
    } catch (RuntimeException e) {
      throw malformed("attestation", e);
    }
    AuthenticatorData<?> authData = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData credential = authData.getAttestedCredentialData();
    return new Registered(
        credential.getCredentialId(),
        CREDENTIALS.convert(credential),
        credential.getAaguid().toString(),
        data.getAttestationObject().getFormat(),
        authData.getSignCount(),
        authData.isFlagBE(),
        authData.isFlagBS());
  }

  /**
   * Verifies an assertion by the stored credential against the challenge; returns the
   * authenticator's signature counter. {@code storedCounter} is the last one accepted.
   */
  long authenticate(
      byte[] attestedCredential,
      long storedCounter,
      byte[] challenge,
      byte[] credentialId,
      byte[] userHandle,
      byte[] authenticatorData,
      byte[] clientDataJson,
      byte[] signature)
      throws Refused {
    try {
      AttestedCredentialData credential = CREDENTIALS.convert(attestedCredential);
      CredentialRecordImpl record =
          new CredentialRecordImpl(
              new NoneAttestationStatement(),
              null,
              null,
              null,
              Math.max(0, storedCounter),
              credential,
              null,
              null,
              null,
              null);
      AuthenticationData data =
          MANAGER.verify(
              new AuthenticationRequest(
                  credentialId, userHandle, authenticatorData, clientDataJson, signature),
              new AuthenticationParameters(
                  server(challenge),
                  record,
                  List.of(credential.getCredentialId()),
                  settings.requiresUserVerification(),
                  true));
      return data.getAuthenticatorData().getSignCount();
    } catch (MaliciousCounterValueException e) {
      throw new Refused("signature counter went back: possibly a cloned authenticator");
    } catch (VerificationException e) {
      throw new Refused("assertion refused: " + e.getMessage());
    } catch (RuntimeException e) {
      throw malformed("assertion", e);
    }
  }

  /**
   * Bytes the library could not parse. Its parsers (CBOR, JSON, COSE) throw a variety of unchecked
   * exceptions on hostile input; every one of them means the same to the caller. The reason keeps
   * the exception's kind and the start of its message only, so no input is echoed at length.
   */
  private static Refused malformed(String what, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    if (end >= 0) {
      message = message.substring(0, end);
    }
    if (message.length() > 120) {
      message = message.substring(0, 120);
    }
    return new Refused("malformed " + what + ": " + e.getClass().getSimpleName() + ": " + message);
  }

  private ServerProperty server(byte[] challenge) {
    return ServerProperty.builder()
        .originPredicate(new AllowedOrigins(settings))
        .rpId(settings.rpId())
        .challenge(new DefaultChallenge(challenge))
        .build();
  }

  /** A ceremony this server does not accept, with why. */
  static final class Refused extends Exception {
    Refused(String why) {
      super(why);
    }
  }
}
