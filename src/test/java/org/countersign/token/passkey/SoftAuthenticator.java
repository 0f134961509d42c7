package org.countersign.token.passkey;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays the browser and a FIDO2 authenticator with discoverable credentials, so that tests can
 * enrol a passkey and sign in with it without any hardware. One instance holds credentials of one
 * key type and answers like a platform authenticator: {@link #register} makes a credential for an
 * RP id and returns what {@code navigator.credentials.create()} would; {@link #authenticate} signs
 * with the newest credential for an RP id, as {@code navigator.credentials.get()} would without an
 * allow list.
 *
 * <pre>{@code
 * SoftAuthenticator authenticator = SoftAuthenticator.es256();
 * Registration registration = authenticator.register(
 *     "example.com", "https://example.com", challenge, userId, "alice", Attestation.NONE, true);
 * Assertion assertion =
 *     authenticator.authenticate("example.com", "https://example.com", nextChallenge, true);
 * }</pre>
 *
 * <p>For negative tests: {@link #setCounter} moves a credential's counter (a clone that fell
 * behind), {@link #alwaysZeroCounter} plays an authenticator without a counter, {@link
 * Assertion#withCorruptedSignature} breaks a signature, and the origin and RP id are parameters.
 */
public final class SoftAuthenticator {

  /** The AAGUID an authenticator reports unless {@link #withAaguid} sets another. */
  public static final UUID DEFAULT_AAGUID = UUID.fromString("5e1f7a0c-c0de-4c0d-8e55-00000000a1a1");

  private static final int CREDENTIAL_ID_LENGTH = 32;

  /** The attestation statement formats this authenticator can produce. */
  public enum Attestation {
    /** Format {@code none}, an empty statement. */
    NONE("none"),
    /** Format {@code packed}, self attestation: signed with the credential key, no x5c. */
    PACKED("packed");

    private final String format;

    Attestation(String format) {
      this.format = format;
    }

    /** The attestation statement format identifier, the {@code fmt} of the attestation object. */
    public String format() {
      return format;
    }
  }

  /** What {@code navigator.credentials.create()} hands the page. */
  public record Registration(byte[] credentialId, byte[] attestationObject, byte[] clientDataJSON) {

    public String credentialIdBase64Url() {
      return base64Url(credentialId);
    }

    public String attestationObjectBase64Url() {
      return base64Url(attestationObject);
    }

    public String clientDataJSONBase64Url() {
      return base64Url(clientDataJSON);
    }
  }

  /** What {@code navigator.credentials.get()} hands the page. */
  public record Assertion(
      byte[] credentialId,
      byte[] authenticatorData,
      byte[] clientDataJSON,
      byte[] signature,
      byte[] userHandle) {

    public String credentialIdBase64Url() {
      return base64Url(credentialId);
    }

    public String authenticatorDataBase64Url() {
      return base64Url(authenticatorData);
    }

    public String clientDataJSONBase64Url() {
      return base64Url(clientDataJSON);
    }

    public String signatureBase64Url() {
      return base64Url(signature);
    }

    public String userHandleBase64Url() {
      return base64Url(userHandle);
    }

    /** The same assertion with one bit of its signature flipped, so that it no longer verifies. */
    public Assertion withCorruptedSignature() {
      byte[] corrupted = signature.clone();
      corrupted[corrupted.length - 1] ^= 0x01;
      return new Assertion(credentialId, authenticatorData, clientDataJSON, corrupted, userHandle);
    }
  }

  private final SoftCose keyType;
  private final SecureRandom random = new SecureRandom();
  private final List<SoftCredential> credentials = new ArrayList<>();
  private UUID aaguid = DEFAULT_AAGUID;
  private boolean zeroCounter;

  private SoftAuthenticator(SoftCose keyType) {
    this.keyType = keyType;
  }

  /** An authenticator with ECDSA P-256 keys (COSE -7). */
  public static SoftAuthenticator es256() {
    return new SoftAuthenticator(SoftCose.ES256);
  }

  /** An authenticator with Ed25519 keys (COSE -8). */
  public static SoftAuthenticator eddsa() {
    return new SoftAuthenticator(SoftCose.EDDSA);
  }

  /** An authenticator with RSA 2048 keys (COSE -257). */
  public static SoftAuthenticator rs256() {
    return new SoftAuthenticator(SoftCose.RS256);
  }

  /** Reports {@code aaguid} in registrations from now on. */
  public SoftAuthenticator withAaguid(UUID aaguid) {
    this.aaguid = aaguid;
    return this;
  }

  public UUID aaguid() {
    return aaguid;
  }

  /** The COSE algorithm identifier of this authenticator's keys. */
  public int coseAlgorithm() {
    return keyType.coseAlgorithm();
  }

  /** Sends counter 0 in every registration and assertion, as authenticators without one do. */
  public SoftAuthenticator alwaysZeroCounter() {
    this.zeroCounter = true;
    return this;
  }

  /**
   * Makes a discoverable credential for {@code rpId} and {@code userId}, replacing one this
   * authenticator already holds for the same pair, and returns the registration response. {@code
   * userName} is what the authenticator would show; it is not part of the response.
   */
  public Registration register(
      String rpId,
      String origin,
      byte[] challenge,
      byte[] userId,
      String userName,
      Attestation attestation,
      boolean userVerified) {
    SoftCredential credential = newCredential(rpId, userId);
    credentials.removeIf(held -> held.belongsTo(rpId, userId));
    credentials.add(credential);
    byte[] clientData = clientDataJson("webauthn.create", challenge, origin);
    byte[] authenticatorData =
        SoftAuthenticatorData.registration(
            rpId, userVerified, credential.counter(), uuidBytes(aaguid), credential);
    byte[] attestationObject =
        SoftCbor.encode(
            SoftCbor.map(
                "fmt",
                attestation.format(),
                "attStmt",
                statement(attestation, credential, authenticatorData, clientData),
                "authData",
                authenticatorData));
    return new Registration(credential.credentialId(), attestationObject, clientData);
  }

  /**
   * Signs {@code challenge} with the newest credential held for {@code rpId} after advancing its
   * counter, and returns the assertion response with the credential's user handle.
   */
  public Assertion authenticate(
      String rpId, String origin, byte[] challenge, boolean userVerified) {
    SoftCredential credential = credential(rpId);
    long counter = zeroCounter ? 0 : credential.nextCounter();
    byte[] clientData = clientDataJson("webauthn.get", challenge, origin);
    byte[] authenticatorData = SoftAuthenticatorData.assertion(rpId, userVerified, counter);
    byte[] signature =
        credential.sign(SoftAuthenticatorData.signedData(authenticatorData, clientData));
    return new Assertion(
        credential.credentialId(),
        authenticatorData,
        clientData,
        signature,
        credential.userHandle());
  }

  /** The newest credential held for {@code rpId}. */
  public SoftCredential credential(String rpId) {
    for (int i = credentials.size() - 1; i >= 0; i--) {
      if (credentials.get(i).rpId().equals(rpId)) {
        return credentials.get(i);
      }
    }
    throw new IllegalStateException("No credential for RP id " + rpId);
  }

  /** The credentials held for {@code rpId}, oldest first. */
  public List<SoftCredential> credentials(String rpId) {
    return credentials.stream().filter(held -> held.rpId().equals(rpId)).toList();
  }

  /** Sets the counter of the newest credential for {@code rpId}; see {@link SoftCredential}. */
  public void setCounter(String rpId, long counter) {
    credential(rpId).setCounter(counter);
  }

  /** Base64url without padding, as WebAuthn JSON and the privacyIDEA API carry binary fields. */
  public static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** An empty statement for {@code none}; for {@code packed}, a self attestation signature. */
  private static Map<Object, Object> statement(
      Attestation attestation,
      SoftCredential credential,
      byte[] authenticatorData,
      byte[] clientData) {
    if (attestation == Attestation.NONE) {
      return SoftCbor.map();
    }
    byte[] signature =
        credential.sign(SoftAuthenticatorData.signedData(authenticatorData, clientData));
    return SoftCbor.map("alg", credential.keyType().coseAlgorithm(), "sig", signature);
  }

  private SoftCredential newCredential(String rpId, byte[] userId) {
    byte[] credentialId = new byte[CREDENTIAL_ID_LENGTH];
    random.nextBytes(credentialId);
    try {
      return new SoftCredential(rpId, credentialId, userId, keyType, keyType.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot make a " + keyType + " key pair", e);
    }
  }

  private static byte[] clientDataJson(String type, byte[] challenge, String origin) {
    String json =
        "{\"type\":\""
            + type
            + "\",\"challenge\":\""
            + base64Url(challenge)
            + "\",\"origin\":\""
            + jsonEscape(origin)
            + "\",\"crossOrigin\":false}";
    return json.getBytes(UTF_8);
  }

  private static String jsonEscape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static byte[] uuidBytes(UUID uuid) {
    return ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .array();
  }
}
