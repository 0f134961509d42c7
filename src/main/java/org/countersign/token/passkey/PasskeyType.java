package org.countersign.token.passkey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countersign.error.DomainException;
import org.countersign.json.Jsonp;
import org.countersign.token.RolloutState;
import org.countersign.token.Token;
import org.countersign.token.spi.ChallengeIssuer;
import org.countersign.token.spi.CredentialVerifier;
import org.countersign.token.spi.EnrolmentCompletion;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.Parameters;
import org.countersign.token.spi.Provisioning;
import org.countersign.token.spi.TokenType;
import org.countersign.token.spi.TypeEnrolment;

/**
 * Passkeys in privacyIDEA's dialect. Enrolment takes two {@code /token/init} requests: the first
 * ({@code type=passkey}, a user) answers the WebAuthn creation options under {@code
 * passkey_registration} and leaves the token in {@code clientwait}; the second brings the new
 * credential ({@code attestationObject}, {@code clientDataJSON}, {@code credential_id}) with the
 * same serial and transaction id. Authentication is user-less: {@code /validate/initialize
 * type=passkey} opens a challenge, and {@code /validate/check} with {@code credential_id}, {@code
 * authenticatorData}, {@code clientDataJSON} and {@code signature} answers it; the credential id
 * finds the token.
 *
 * <p>The token stores only public data: the credential's id, its attested public key, the relying
 * party and the user handle; its signature counter is the token's counter.
 */
@ApplicationScoped
public class PasskeyType implements TokenType, CredentialVerifier, EnrolmentCompletion {

  public static final String NAME = "passkey";

  static final String CREDENTIAL_ID = "credential_id";
  static final String ATTESTED_CREDENTIAL = "attested_credential";
  static final String USER_HANDLE = "fido2_user_id";
  static final String MESSAGE = "Please authenticate with your passkey!";

  private static final String[] CREDENTIAL_ID_NAMES = {"credential_id", "credentialid", "rawId"};

  @Inject PasskeySettings settings;
  @Inject SecureRandom random;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String serialPrefix() {
    return "PIPK";
  }

  @Override
  public TypeEnrolment enrol(Parameters params, EnrolmentContext context) {
    String user = context.username().orElseThrow(() -> DomainException.missing("user"));
    byte[] challenge = randomBytes(32);
    byte[] userHandle = randomBytes(32);
    String transactionId = context.openChallenge(Fields.encode(challenge));
    List<String> registered =
        context.siblings().stream()
            .map(info -> info.get(CREDENTIAL_ID))
            .filter(id -> id != null && !id.isEmpty())
            .toList();
    JsonObject options =
        new RegistrationOptions(settings)
            .of(challenge, userHandle, user, context.displayName().orElse(user), registered);
    Map<String, String> info = new LinkedHashMap<>();
    info.put("relying_party_id", settings.rpId());
    info.put("relying_party_name", settings.rpName());
    info.put(USER_HANDLE, Fields.encode(userHandle));
    return new TypeEnrolment(
        0,
        info,
        RolloutState.CLIENT_WAIT,
        Optional.of(new Provisioning.Registration("passkey_registration", transactionId, options)));
  }

  @Override
  public Completed complete(Token token, String challenge, Parameters params) {
    byte[] attestation = Fields.required(params, "attestationObject", "regdata");
    byte[] clientData = Fields.required(params, "clientDataJSON", "clientdata");
    byte[] named = Fields.required(params, CREDENTIAL_ID_NAMES);
    WebAuthn.Registered registered;
    try {
      registered =
          new WebAuthn(settings)
              .register(attestation, clientData, Fields.decode(challenge).orElseThrow());
    } catch (WebAuthn.Refused e) {
      throw DomainException.invalid("attestationObject", e.getMessage());
    }
    if (!MessageDigest.isEqual(named, registered.credentialId())) {
      throw DomainException.invalid("credential_id", "does not name the attested credential");
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put(CREDENTIAL_ID, Fields.encode(registered.credentialId()));
    info.put(ATTESTED_CREDENTIAL, Fields.encode(registered.attestedCredential()));
    info.put("aaguid", registered.aaguid());
    info.put("attestation_format", registered.format());
    info.put("device_type", registered.backupEligible() ? "multi_device" : "single_device");
    info.put("backed_up", Boolean.toString(registered.backedUp()));
    params
        .optional("authenticatorAttachment")
        .ifPresent(a -> info.put("authenticator_attachment", a));
    return new Completed(info, keyOf(registered.credentialId()), registered.counter());
  }

  @Override
  public boolean answers(Parameters params) {
    return params.has("credential_id") || params.has("credentialid");
  }

  @Override
  public Optional<String> credentialKey(Parameters params) {
    return Fields.optional(params, CREDENTIAL_ID_NAMES).map(PasskeyType::keyOf);
  }

  @Override
  public ChallengeIssuer.NewChallenge unbound(Instant now) {
    String challenge = Fields.encode(randomBytes(32));
    JsonObject shown =
        Jsonp.createObjectBuilder()
            .add("challenge", challenge)
            .add("rpId", settings.rpId())
            .add("message", MESSAGE)
            .add("user_verification", settings.userVerification())
            .add("timeout", settings.timeoutMillis())
            .build();
    return new ChallengeIssuer.NewChallenge(challenge, null, MESSAGE, "webauthn", shown, null);
  }

  @Override
  public Verification verify(Token token, String challenge, Parameters params) {
    Optional<byte[]> credential = Fields.optional(params, CREDENTIAL_ID_NAMES);
    Optional<byte[]> authData = Fields.optional(params, "authenticatorData", "authenticatordata");
    Optional<byte[]> clientData = Fields.optional(params, "clientDataJSON", "clientdata");
    Optional<byte[]> signature = Fields.optional(params, "signature", "signaturedata");
    Optional<byte[]> stored =
        Optional.ofNullable(token.info().get(ATTESTED_CREDENTIAL)).flatMap(Fields::decode);
    if (credential.isEmpty() || authData.isEmpty() || clientData.isEmpty() || signature.isEmpty()) {
      return Verification.invalid("incomplete assertion");
    }
    if (stored.isEmpty()) {
      return Verification.invalid("token has no registered credential");
    }
    Optional<byte[]> userHandle = Fields.optional(params, "userHandle", "userhandle");
    Optional<byte[]> ownHandle =
        Optional.ofNullable(token.info().get(USER_HANDLE)).flatMap(Fields::decode);
    if (userHandle.isPresent()
        && (ownHandle.isEmpty() || !MessageDigest.isEqual(userHandle.get(), ownHandle.get()))) {
      return Verification.invalid("user handle does not belong to the credential");
    }
    try {
      long counter =
          new WebAuthn(settings)
              .authenticate(
                  stored.get(),
                  token.lastCounter(),
                  Fields.decode(challenge).orElseThrow(),
                  credential.get(),
                  userHandle.orElse(null),
                  authData.get(),
                  clientData.get(),
                  signature.get());
      return Verification.valid(counter);
    } catch (WebAuthn.Refused e) {
      return Verification.invalid(e.getMessage());
    }
  }

  /** The key a credential's token is stored under: the SHA-256 of its id, in hex. */
  static String keyOf(byte[] credentialId) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credentialId));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }
}
