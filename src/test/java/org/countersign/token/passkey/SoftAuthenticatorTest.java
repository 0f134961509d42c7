package org.countersign.token.passkey;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.credential.CredentialRecord;
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
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.SelfAttestationProhibitedException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.countersign.token.passkey.SoftAuthenticator.Assertion;
import org.countersign.token.passkey.SoftAuthenticator.Attestation;
import org.countersign.token.passkey.SoftAuthenticator.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the soft authenticator against an independent relying party, webauthn4j: what it registers
 * and asserts verifies, and each kind of tampering the negative tests rely on is rejected for the
 * reason intended.
 */
class SoftAuthenticatorTest {

  private static final String RP_ID = "countersign.example";
  private static final String ORIGIN = "https://countersign.example";
  private static final byte[] USER_ID = "user-handle-alice".getBytes(UTF_8);
  private static final List<PublicKeyCredentialParameters> ALGORITHMS =
      Stream.of(
              COSEAlgorithmIdentifier.ES256,
              COSEAlgorithmIdentifier.EdDSA,
              COSEAlgorithmIdentifier.RS256)
          .map(alg -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, alg))
          .toList();

  private final WebAuthnManager relyingParty = WebAuthnManager.createNonStrictWebAuthnManager();

  static Stream<Arguments> keyTypes() {
    return Stream.of(
        Arguments.of("ES256", (Supplier<SoftAuthenticator>) SoftAuthenticator::es256),
        Arguments.of("EdDSA", (Supplier<SoftAuthenticator>) SoftAuthenticator::eddsa),
        Arguments.of("RS256", (Supplier<SoftAuthenticator>) SoftAuthenticator::rs256));
  }

  static Stream<Arguments> keyTypesAndAttestations() {
    return keyTypes()
        .flatMap(
            type ->
                Stream.of(Attestation.values())
                    .map(att -> Arguments.of(type.get()[0], type.get()[1], att)));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("keyTypesAndAttestations")
  void registrationVerifiesWithWebauthn4j(
      String name, Supplier<SoftAuthenticator> type, Attestation attestation) {
    SoftAuthenticator authenticator = type.get();
    byte[] challenge = challenge();

    Registration registration = register(authenticator, challenge, attestation, true);
    RegistrationData data = verifyRegistration(relyingParty, registration, challenge);

    assertEquals(
        attestation == Attestation.PACKED ? "packed" : "none",
        data.getAttestationObject().getFormat());
    assertTrue(data.getAttestationObject().getAuthenticatorData().isFlagUV());
    AttestedCredentialData credential = attestedCredential(data);
    assertArrayEquals(registration.credentialId(), credential.getCredentialId());
    assertEquals(SoftAuthenticator.DEFAULT_AAGUID, credential.getAaguid().getValue());
    assertEquals(
        COSEAlgorithmIdentifier.create(authenticator.coseAlgorithm()),
        credential.getCOSEKey().getAlgorithm());
    assertEquals(
        authenticator.credential(RP_ID).publicKey(), credential.getCOSEKey().getPublicKey());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyTypes")
  void packedSelfAttestationSignatureVerifies(String name, Supplier<SoftAuthenticator> type) {
    byte[] challenge = challenge();
    Registration registration = register(type.get(), challenge, Attestation.PACKED, true);

    RegistrationData data = verifyRegistration(strictAttestation(true), registration, challenge);

    assertArrayEquals(registration.credentialId(), attestedCredential(data).getCredentialId());
    assertThrows(
        SelfAttestationProhibitedException.class,
        () -> verifyRegistration(strictAttestation(false), registration, challenge));
  }

  @Test
  void packedSelfAttestationCoversTheExactClientDataBytes() {
    byte[] challenge = challenge();
    Registration registration =
        register(SoftAuthenticator.es256(), challenge, Attestation.PACKED, true);
    String json = new String(registration.clientDataJSON(), UTF_8);
    byte[] sameMeaningOtherBytes = json.replace("}", " }").getBytes(UTF_8);
    Registration altered =
        new Registration(
            registration.credentialId(), registration.attestationObject(), sameMeaningOtherBytes);

    assertThrows(
        BadSignatureException.class,
        () -> verifyRegistration(strictAttestation(true), altered, challenge));
  }

  @Test
  void registrationReportsTheAaguidSet() {
    UUID aaguid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    byte[] challenge = challenge();
    Registration registration =
        register(SoftAuthenticator.eddsa().withAaguid(aaguid), challenge, Attestation.NONE, false);

    RegistrationData data = verifyRegistration(relyingParty, registration, challenge);

    assertEquals(aaguid, attestedCredential(data).getAaguid().getValue());
    assertFalse(data.getAttestationObject().getAuthenticatorData().isFlagUV());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyTypes")
  void assertionVerifiesWithWebauthn4j(String name, Supplier<SoftAuthenticator> type) {
    SoftAuthenticator authenticator = type.get();
    CredentialRecord record = enrol(authenticator);
    byte[] challenge = challenge();

    Assertion assertion = authenticator.authenticate(RP_ID, ORIGIN, challenge, true);
    AuthenticationData data = verifyAssertion(assertion, record, challenge, true);

    assertEquals(1, data.getAuthenticatorData().getSignCount());
    assertArrayEquals(USER_ID, data.getUserHandle());
    assertArrayEquals(authenticator.credential(RP_ID).credentialId(), data.getCredentialId());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyTypes")
  void corruptedSignatureFails(String name, Supplier<SoftAuthenticator> type) {
    SoftAuthenticator authenticator = type.get();
    CredentialRecord record = enrol(authenticator);
    byte[] challenge = challenge();
    Assertion assertion = authenticator.authenticate(RP_ID, ORIGIN, challenge, true);

    Assertion corrupted = assertion.withCorruptedSignature();

    assertNotEquals(
        Base64.getEncoder().encodeToString(assertion.signature()),
        Base64.getEncoder().encodeToString(corrupted.signature()));
    assertThrows(
        BadSignatureException.class, () -> verifyAssertion(corrupted, record, challenge, true));
  }

  @Test
  void assertionForAnotherOriginFails() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    CredentialRecord record = enrol(authenticator);
    byte[] challenge = challenge();

    Assertion assertion =
        authenticator.authenticate(RP_ID, "https://phish.example", challenge, true);

    assertThrows(
        BadOriginException.class, () -> verifyAssertion(assertion, record, challenge, true));
  }

  @Test
  void assertionOverAnotherChallengeFails() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    CredentialRecord record = enrol(authenticator);

    Assertion assertion = authenticator.authenticate(RP_ID, ORIGIN, challenge(), true);

    assertThrows(
        BadChallengeException.class, () -> verifyAssertion(assertion, record, challenge(), true));
  }

  @Test
  void assertionWithoutUserVerificationFailsWhereItIsRequired() {
    SoftAuthenticator authenticator = SoftAuthenticator.rs256();
    CredentialRecord record = enrol(authenticator);
    byte[] challenge = challenge();

    Assertion assertion = authenticator.authenticate(RP_ID, ORIGIN, challenge, false);

    assertThrows(
        UserNotVerifiedException.class, () -> verifyAssertion(assertion, record, challenge, true));
    verifyAssertion(assertion, record, challenge, false);
  }

  @Test
  void counterThatWentBackFails() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    CredentialRecord record = enrol(authenticator);
    for (int i = 0; i < 2; i++) {
      byte[] challenge = challenge();
      Assertion assertion = authenticator.authenticate(RP_ID, ORIGIN, challenge, true);
      record.setCounter(
          verifyAssertion(assertion, record, challenge, true)
              .getAuthenticatorData()
              .getSignCount());
    }
    assertEquals(2, record.getCounter());

    authenticator.setCounter(RP_ID, 0);
    byte[] challenge = challenge();
    Assertion clone = authenticator.authenticate(RP_ID, ORIGIN, challenge, true);

    assertThrows(
        MaliciousCounterValueException.class,
        () -> verifyAssertion(clone, record, challenge, true));
  }

  @Test
  void authenticatorWithoutCounterAlwaysSendsZero() {
    SoftAuthenticator authenticator = SoftAuthenticator.eddsa().alwaysZeroCounter();
    CredentialRecord record = enrol(authenticator);
    for (int i = 0; i < 2; i++) {
      byte[] challenge = challenge();
      Assertion assertion = authenticator.authenticate(RP_ID, ORIGIN, challenge, true);

      AuthenticationData data = verifyAssertion(assertion, record, challenge, true);

      assertEquals(0, data.getAuthenticatorData().getSignCount());
    }
  }

  private static Registration register(
      SoftAuthenticator authenticator,
      byte[] challenge,
      Attestation attestation,
      boolean userVerified) {
    return authenticator.register(
        RP_ID, ORIGIN, challenge, USER_ID, "alice", attestation, userVerified);
  }

  /** Registers a credential and returns what a relying party would store for it. */
  private CredentialRecord enrol(SoftAuthenticator authenticator) {
    byte[] challenge = challenge();
    RegistrationData data =
        verifyRegistration(
            relyingParty, register(authenticator, challenge, Attestation.NONE, true), challenge);
    return new CredentialRecordImpl(
        data.getAttestationObject(),
        data.getCollectedClientData(),
        data.getClientExtensions(),
        data.getTransports());
  }

  private static RegistrationData verifyRegistration(
      WebAuthnManager manager, Registration registration, byte[] challenge) {
    return manager.verify(
        new RegistrationRequest(registration.attestationObject(), registration.clientDataJSON()),
        new RegistrationParameters(serverProperty(challenge), ALGORITHMS, false, true));
  }

  private AuthenticationData verifyAssertion(
      Assertion assertion, CredentialRecord record, byte[] challenge, boolean requireUv) {
    return relyingParty.verify(
        new AuthenticationRequest(
            assertion.credentialId(),
            assertion.userHandle(),
            assertion.authenticatorData(),
            assertion.clientDataJSON(),
            assertion.signature()),
        new AuthenticationParameters(serverProperty(challenge), record, null, requireUv, true));
  }

  /** A relying party that really checks packed statements and may refuse self attestation. */
  private static WebAuthnManager strictAttestation(boolean selfAttestationAllowed) {
    return new WebAuthnManager(
        List.of(new NoneAttestationStatementVerifier(), new PackedAttestationStatementVerifier()),
        new NullCertPathTrustworthinessVerifier(),
        new DefaultSelfAttestationTrustworthinessVerifier(selfAttestationAllowed));
  }

  private static ServerProperty serverProperty(byte[] challenge) {
    return ServerProperty.builder()
        .origin(Origin.create(ORIGIN))
        .rpId(RP_ID)
        .challenge(new DefaultChallenge(challenge))
        .build();
  }

  private static AttestedCredentialData attestedCredential(RegistrationData data) {
    return data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
  }

  private static byte[] challenge() {
    return UUID.randomUUID().toString().getBytes(UTF_8);
  }
}
