package org.countersign.token.passkey;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * One discoverable credential a {@link SoftAuthenticator} made: the relying party it belongs to,
 * the user handle it returns in assertions, its key pair and its signature counter. The counter is
 * the value last sent; the next assertion sends one more.
 */
public final class SoftCredential {

  private static final long MAX_COUNTER = 0xffffffffL;

  private final String rpId;
  private final byte[] credentialId;
  private final byte[] userHandle;
  private final SoftCose keyType;
  private final KeyPair keyPair;
  private long counter;

  SoftCredential(
      String rpId, byte[] credentialId, byte[] userHandle, SoftCose keyType, KeyPair keyPair) {
    this.rpId = rpId;
    this.credentialId = credentialId.clone();
    this.userHandle = userHandle.clone();
    this.keyType = keyType;
    this.keyPair = keyPair;
  }

  public String rpId() {
    return rpId;
  }

  public byte[] credentialId() {
    return credentialId.clone();
  }

  public byte[] userHandle() {
    return userHandle.clone();
  }

  public PublicKey publicKey() {
    return keyPair.getPublic();
  }

  /** The counter value last sent (0 before the first assertion). */
  public long counter() {
    return counter;
  }

  /**
   * Moves the counter, for instance backwards to play a cloned authenticator; the next assertion
   * sends {@code counter + 1}.
   */
  public void setCounter(long counter) {
    if (counter < 0 || counter > MAX_COUNTER) {
      throw new IllegalArgumentException("Counter out of range: " + counter);
    }
    this.counter = counter;
  }

  boolean belongsTo(String rpId, byte[] userHandle) {
    return this.rpId.equals(rpId) && Arrays.equals(this.userHandle, userHandle);
  }

  SoftCose keyType() {
    return keyType;
  }

  byte[] coseKey() {
    return SoftCbor.encode(keyType.coseKey(keyPair.getPublic()));
  }

  /** Advances the counter by one and returns the new value. */
  long nextCounter() {
    setCounter(counter + 1);
    return counter;
  }

  byte[] sign(byte[] data) {
    return keyType.sign(keyPair.getPrivate(), data);
  }
}
