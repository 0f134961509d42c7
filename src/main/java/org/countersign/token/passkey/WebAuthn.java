package org.countersign.token.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
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
  private static final WebAuthnManager MANAGER =
      WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
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
    } catch (DataConversionException | IllegalArgumentException e) {
      throw new Refused("malformed attestation: " + e.getMessage());
    } catch (VerificationException e) {
      throw new Refused("attestation refused: " + e.getMessage());
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
    } catch (DataConversionException | IllegalArgumentException e) {
      throw new Refused("malformed assertion: " + e.getMessage());
    } catch (VerificationException e) {
      throw new Refused("assertion refused: " + e.getMessage());
    }
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
