package org.countersign.token.totp;

import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.countersign.api.Params;
import org.countersign.error.DomainException;
import org.countersign.json.Jsonp;
import org.countersign.qr.QrCodes;
import org.countersign.token.Token;
import org.countersign.token.spi.EnrolmentContext;

/**
 * The enrolment steps TOTP and HOTP share: read {@code genkey}/{@code otpkey}, {@code otplen} and
 * {@code hashlib}, make or take the seed, seal it, and build the {@code googleurl} and {@code
 * otpkey} details.
 */
final class OathEnrolment {

  static final String INFO_HASHLIB = "hashlib";

  /** RFC 4226 requires at least 128 bits of shared secret. */
  private static final int MIN_KEY_BYTES = 16;

  private static final int MAX_KEY_BYTES = 128;

  private final HashAlgorithm hash;
  private final int digits;
  private final byte[] seed;

  private OathEnrolment(HashAlgorithm hash, int digits, byte[] seed) {
    this.hash = hash;
    this.digits = digits;
    this.seed = seed;
  }

  /**
   * Reads the enrolment parameters; an enrollment policy's {@code <type>_hashlib} and {@code
   * <type>_otplen} override what the request asks for.
   */
  static OathEnrolment read(
      Params params, SecureRandom random, EnrolmentContext context, String type) {
    String hashName =
        context
            .policy(type + "_" + OathPolicyActions.HASHLIB)
            .orElse(params.optional("hashlib").filter(s -> !s.isEmpty()).orElse("sha1"));
    HashAlgorithm hash =
        HashAlgorithm.fromApiName(hashName)
            .orElseThrow(
                () -> DomainException.invalid("hashlib", "must be one of sha1, sha256, sha512"));
    Optional<String> forcedLength = context.policy(type + "_" + OathPolicyActions.OTPLEN);
    int digits =
        Integer.parseInt(
            forcedLength.isPresent()
                ? forcedLength.get()
                : params.oneOf("otplen", "6", Set.of("6", "8")));
    boolean genkey = params.flag("genkey");
    boolean hasKey = params.has("otpkey");
    if (genkey == hasKey) {
      throw DomainException.invalid("genkey", "give exactly one of genkey=1 and otpkey");
    }
    byte[] seed;
    if (genkey) {
      seed = new byte[Math.max(20, hash.outputBytes())];
      random.nextBytes(seed);
    } else {
      seed = decodeKey(params.required("otpkey"));
    }
    return new OathEnrolment(hash, digits, seed);
  }

  private static byte[] decodeKey(String hex) {
    byte[] key;
    try {
      key = HexFormat.of().parseHex(hex.strip());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("otpkey", "must be hexadecimal");
    }
    if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
      throw DomainException.invalid(
          "otpkey", "must be " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes");
    }
    return key;
  }

  HashAlgorithm hash() {
    return hash;
  }

  int digits() {
    return digits;
  }

  byte[] seed() {
    return seed;
  }

  /** Applies the common settings to the token and seals the seed. */
  void applyTo(Token token, EnrolmentContext context) {
    token.setOtpLen(digits);
    token.putInfo(INFO_HASHLIB, hash.apiName());
    context.sealSecret(seed);
  }

  /**
   * The detail entries an enroller sees once: the provisioning URI and the raw seed, each with a QR
   * code.
   */
  JsonObjectBuilder detail(String otpauthUri) {
    String seedUri = "seed://" + HexFormat.of().formatHex(seed);
    return Jsonp.createObjectBuilder()
        .add(
            "googleurl",
            Jsonp.createObjectBuilder()
                .add("description", "URL for google Authenticator")
                .add("value", otpauthUri)
                .add("img", QrCodes.pngDataUri(otpauthUri)))
        .add(
            "otpkey",
            Jsonp.createObjectBuilder()
                .add("description", "OTP seed")
                .add("value", seedUri)
                .add("value_b32", OtpAuthUri.base32(seed))
                .add("img", QrCodes.pngDataUri(seedUri)));
  }

  void clear() {
    Arrays.fill(seed, (byte) 0);
  }

  static HashAlgorithm hashOf(java.util.Map<String, String> info) {
    return HashAlgorithm.fromApiName(info.getOrDefault(INFO_HASHLIB, "sha1"))
        .orElse(HashAlgorithm.SHA1);
  }
}
