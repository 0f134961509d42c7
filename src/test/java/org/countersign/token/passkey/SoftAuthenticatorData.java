package org.countersign.token.passkey;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Builds the authenticator data of WebAuthn §6.1: SHA-256 of the RP id, the flags byte, the 4-byte
 * big-endian signature counter and, on registration, the attested credential data (AAGUID,
 * credential id length and id, COSE public key).
 */
final class SoftAuthenticatorData {

  static final int USER_PRESENT = 0x01;
  static final int USER_VERIFIED = 0x04;
  static final int ATTESTED_CREDENTIAL_DATA = 0x40;

  private SoftAuthenticatorData() {}

  /** Authenticator data for a registration, carrying the new credential and its public key. */
  static byte[] registration(
      String rpId, boolean userVerified, long counter, byte[] aaguid, SoftCredential credential) {
    ByteArrayOutputStream out = prefix(rpId, userVerified, ATTESTED_CREDENTIAL_DATA, counter);
    out.writeBytes(aaguid);
    byte[] credentialId = credential.credentialId();
    out.write(credentialId.length >>> 8);
    out.write(credentialId.length & 0xff);
    out.writeBytes(credentialId);
    out.writeBytes(credential.coseKey());
    return out.toByteArray();
  }

  /** Authenticator data for an assertion: no attested credential data. */
  static byte[] assertion(String rpId, boolean userVerified, long counter) {
    return prefix(rpId, userVerified, 0, counter).toByteArray();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The concatenation {@code authenticatorData || SHA-256(clientDataJSON)} that gets signed. */
  static byte[] signedData(byte[] authenticatorData, byte[] clientDataJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(authenticatorData);
    out.writeBytes(sha256(clientDataJson));
    return out.toByteArray();
  }

  private static ByteArrayOutputStream prefix(
      String rpId, boolean userVerified, int extraFlags, long counter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(sha256(rpId.getBytes(UTF_8)));
    out.write(USER_PRESENT | (userVerified ? USER_VERIFIED : 0) | extraFlags);
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (counter >>> shift) & 0xff);
    }
    return out;
  }
}
