package org.countersign.token.totp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.countersign.error.DomainException;
import org.countersign.token.RolloutState;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.Parameters;
import org.countersign.token.spi.Provisioning;
import org.countersign.token.spi.TypeEnrolment;

/**
 * The enrolment steps TOTP and HOTP share: read {@code genkey}/{@code otpkey}, {@code otplen} and
 * {@code hashlib}, make or take the seed, seal it, and describe the result with its otpauth URI.
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
      Parameters params, SecureRandom random, EnrolmentContext context, String type) {
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

  /**
   * Seals the seed and describes the new token: code length, hash algorithm plus the type's own
   * public parameters, and the otpauth URI with a copy of the secret for the enroller.
   */
  TypeEnrolment result(EnrolmentContext context, Map<String, String> typeInfo, String otpauthUri) {
    context.sealSecret(seed);
    Map<String, String> info = new LinkedHashMap<>();
    info.put(INFO_HASHLIB, hash.apiName());
    info.putAll(typeInfo);
    return new TypeEnrolment(
        digits,
        info,
        RolloutState.DONE,
        Optional.of(new Provisioning.OtpAuth(otpauthUri, seed.clone())));
  }

  void clear() {
    Arrays.fill(seed, (byte) 0);
  }

  static HashAlgorithm hashOf(java.util.Map<String, String> info) {
    return HashAlgorithm.fromApiName(info.getOrDefault(INFO_HASHLIB, "sha1"))
        .orElse(HashAlgorithm.SHA1);
  }
}
