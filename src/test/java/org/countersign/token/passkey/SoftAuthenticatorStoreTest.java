package org.countersign.token.passkey;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.countersign.token.passkey.SoftAuthenticator.Assertion;
import org.countersign.token.passkey.SoftAuthenticator.Attestation;
import org.countersign.token.passkey.SoftAuthenticator.Registration;
import org.junit.jupiter.api.Test;

/** The soft authenticator's credential store and the client data it writes, on their own. */
class SoftAuthenticatorStoreTest {

  private static final String RP_ID = "countersign.example";
  private static final String ORIGIN = "https://countersign.example";
  private static final byte[] USER_ID = "user-handle-alice".getBytes(UTF_8);

  @Test
  void assertsWithTheNewestCredentialForTheRpId() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    byte[] bob = "user-handle-bob".getBytes(UTF_8);
    registerAlice(authenticator);
    Registration bobs =
        authenticator.register(RP_ID, ORIGIN, challenge(), bob, "bob", Attestation.NONE, true);
    authenticator.register(
        "other.example",
        "https://other.example",
        challenge(),
        USER_ID,
        "alice",
        Attestation.NONE,
        true);

    Assertion assertion = authenticator.authenticate(RP_ID, ORIGIN, challenge(), true);

    assertArrayEquals(bob, assertion.userHandle());
    assertArrayEquals(bobs.credentialId(), assertion.credentialId());
  }

  @Test
  void registeringTheSameUserAgainReplacesTheirCredential() {
    SoftAuthenticator authenticator = SoftAuthenticator.rs256();
    Registration first = registerAlice(authenticator);

    Registration second = registerAlice(authenticator);

    List<SoftCredential> held = authenticator.credentials(RP_ID);
    assertEquals(1, held.size());
    assertArrayEquals(second.credentialId(), held.get(0).credentialId());
    assertFalse(Arrays.equals(first.credentialId(), second.credentialId()));
  }

  @Test
  void clientDataAndBase64UrlAreWhatBrowsersSend() {
    byte[] challenge = {(byte) 0xfb, (byte) 0xff, 0x00};
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    Registration registration =
        authenticator.register(RP_ID, ORIGIN, challenge, USER_ID, "alice", Attestation.NONE, true);
    Assertion assertion = authenticator.authenticate(RP_ID, ORIGIN, challenge, true);

    assertEquals(
        "{\"type\":\"webauthn.create\",\"challenge\":\"-_8A\",\"origin\":\""
            + ORIGIN
            + "\",\"crossOrigin\":false}",
        new String(registration.clientDataJSON(), UTF_8));
    assertEquals(
        "{\"type\":\"webauthn.get\",\"challenge\":\"-_8A\",\"origin\":\""
            + ORIGIN
            + "\",\"crossOrigin\":false}",
        new String(assertion.clientDataJSON(), UTF_8));
    assertEquals("-_8A", SoftAuthenticator.base64Url(challenge));
    assertEquals(
        SoftAuthenticator.base64Url(registration.credentialId()),
        registration.credentialIdBase64Url());
  }

  @Test
  void refusesToAuthenticateWithoutACredentialForTheRpId() {
    SoftAuthenticator authenticator = SoftAuthenticator.es256();
    registerAlice(authenticator);

    assertThrows(
        IllegalStateException.class,
        () -> authenticator.authenticate("other.example", ORIGIN, new byte[] {2}, true));
  }

  private static Registration registerAlice(SoftAuthenticator authenticator) {
    return authenticator.register(
        RP_ID, ORIGIN, challenge(), USER_ID, "alice", Attestation.NONE, true);
  }

  private static byte[] challenge() {
    return UUID.randomUUID().toString().getBytes(UTF_8);
  }
}
