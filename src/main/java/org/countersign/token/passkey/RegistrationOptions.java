package org.countersign.token.passkey;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.countersign.json.Jsonp;

/**
 * WebAuthn's creation options for a new passkey, as privacyIDEA reports them under {@code
 * passkey_registration}: a discoverable credential for this relying party, with the algorithms the
 * server verifies.
 */
final class RegistrationOptions {

  private final PasskeySettings settings;

  RegistrationOptions(PasskeySettings settings) {
    this.settings = settings;
  }

  /**
   * The options for a new credential of this user; {@code registered} are the ids (base64url) of
   * their passkeys already registered, which an authenticator that holds one refuses to duplicate.
   */
  JsonObject of(
      byte[] challenge,
      byte[] userHandle,
      String name,
      String displayName,
      List<String> registered) {
    JsonArrayBuilder exclude = Jsonp.createArrayBuilder();
    registered.forEach(
        id -> exclude.add(Jsonp.createObjectBuilder().add("type", "public-key").add("id", id)));
    JsonArrayBuilder algorithms = Jsonp.createArrayBuilder();
    WebAuthn.ALGORITHMS.forEach(
        a ->
            algorithms.add(
                Jsonp.createObjectBuilder().add("type", "public-key").add("alg", a.getValue())));
    return Jsonp.createObjectBuilder()
        .add(
            "rp",
            Jsonp.createObjectBuilder().add("name", settings.rpName()).add("id", settings.rpId()))
        .add(
            "user",
            Jsonp.createObjectBuilder()
                .add("id", Fields.encode(userHandle))
                .add("name", name)
                .add("displayName", displayName))
        .add("challenge", Fields.encode(challenge))
        .add("pubKeyCredParams", algorithms)
        .add("timeout", settings.timeoutMillis())
        .add("excludeCredentials", exclude)
        .add("attestation", "none")
        .add(
            "authenticatorSelection",
            Jsonp.createObjectBuilder()
                .add("residentKey", "required")
                .add("requireResidentKey", true)
                .add("userVerification", settings.userVerification()))
        .build();
  }
}
