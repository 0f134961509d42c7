package org.countersign.token.passkey;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Map;

/**
 * The three credential key types a soft authenticator can hold: how to make a key pair, how to sign
 * with it, and how to write its public key as a COSE_Key (RFC 9053) for the attested credential
 * data.
 */
enum SoftCose {
  /** ECDSA on P-256 with SHA-256, DER-encoded signatures. */
  ES256(-7, "SHA256withECDSA", "EC", new ECGenParameterSpec("secp256r1")) {
    @Override
    Map<Object, Object> coseKey(PublicKey publicKey) {
      ECPoint point = ((ECPublicKey) publicKey).getW();
      Map<Object, Object> key = header(KEY_TYPE_EC2);
      key.put(CURVE, CURVE_P256);
      key.put(X, unsigned(point.getAffineX(), 32));
      key.put(Y, unsigned(point.getAffineY(), 32));
      return key;
    }
  },

  /** EdDSA on Ed25519. */
  EDDSA(-8, "Ed25519", "Ed25519", NamedParameterSpec.ED25519) {
    @Override
    Map<Object, Object> coseKey(PublicKey publicKey) {
      // The X.509 form of an Ed25519 key ends with the 32-byte RFC 8032 encoding COSE wants.
      byte[] encoded = publicKey.getEncoded();
      Map<Object, Object> key = header(KEY_TYPE_OKP);
      key.put(CURVE, CURVE_ED25519);
      key.put(X, Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
      return key;
    }
  },

  /** RSASSA-PKCS1-v1_5 with SHA-256 and a 2048-bit key. */
  RS256(-257, "SHA256withRSA", "RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)) {
    @Override
    Map<Object, Object> coseKey(PublicKey publicKey) {
      RSAPublicKey rsa = (RSAPublicKey) publicKey;
      Map<Object, Object> key = header(KEY_TYPE_RSA);
      key.put(MODULUS, unsigned(rsa.getModulus()));
      key.put(EXPONENT, unsigned(rsa.getPublicExponent()));
      return key;
    }
  };

  // COSE_Key labels (RFC 9052 §7, RFC 9053 §7, RFC 8230 §4) and values.
  private static final int KEY_TYPE = 1;
  private static final int ALGORITHM = 3;
  private static final int CURVE = -1;
  private static final int X = -2;
  private static final int Y = -3;
  private static final int MODULUS = -1;
  private static final int EXPONENT = -2;
  private static final int KEY_TYPE_OKP = 1;
  private static final int KEY_TYPE_EC2 = 2;
  private static final int KEY_TYPE_RSA = 3;
  private static final int CURVE_P256 = 1;
  private static final int CURVE_ED25519 = 6;

  private final int coseAlgorithm;
  private final String signatureAlgorithm;

  private final String keyAlgorithm;
  private final AlgorithmParameterSpec keyParameters;

  SoftCose(
      int coseAlgorithm,
      String signatureAlgorithm,
      String keyAlgorithm,
      AlgorithmParameterSpec keyParameters) {
    this.coseAlgorithm = coseAlgorithm;
    this.signatureAlgorithm = signatureAlgorithm;
    this.keyAlgorithm = keyAlgorithm;
    this.keyParameters = keyParameters;
  }

  /** The COSE algorithm identifier: -7, -8 or -257. */
  int coseAlgorithm() {
    return coseAlgorithm;
  }

  KeyPair generateKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
    generator.initialize(keyParameters);
    return generator.generateKeyPair();
  }

  /** The public key as a COSE_Key map, its entries in CTAP2 canonical order. */
  abstract Map<Object, Object> coseKey(PublicKey publicKey);

  /** A COSE_Key map holding its key type and this algorithm, ready for the key's parameters. */
  Map<Object, Object> header(int keyType) {
    return SoftCbor.map(KEY_TYPE, keyType, ALGORITHM, coseAlgorithm);
  }

  /** The signature over {@code data}, in the form WebAuthn expects for this algorithm. */
  byte[] sign(PrivateKey privateKey, byte[] data) {
    try {
      Signature signature = Signature.getInstance(signatureAlgorithm);
      signature.initSign(privateKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with " + signatureAlgorithm, e);
    }
  }

  /** The magnitude of {@code value} in big-endian bytes, left-padded to {@code length}. */
  static byte[] unsigned(BigInteger value, int length) {
    byte[] minimal = unsigned(value);
    if (minimal.length > length) {
      throw new IllegalArgumentException("Value does not fit in " + length + " bytes");
    }
    byte[] padded = new byte[length];
    System.arraycopy(minimal, 0, padded, length - minimal.length, minimal.length);
    return padded;
  }

  /** The magnitude of {@code value} in big-endian bytes, without a sign byte. */
  static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }
}
