package org.countersign.token.passkey;

import java.util.Base64;
import java.util.Optional;
import org.countersign.error.DomainException;
import org.countersign.token.spi.Parameters;

/**
 * The binary fields a WebAuthn client posts, under privacyIDEA's names and their aliases, in
 * base64url (padded or not; standard base64 is accepted too, as some clients send it).
 */
final class Fields {

  private Fields() {}

  /** The first present of the names, decoded; empty when none is present or it is no base64. */
  static Optional<byte[]> optional(Parameters params, String... names) {
    for (String name : names) {
      Optional<String> value = params.optional(name).filter(s -> !s.isEmpty());
      if (value.isPresent()) {
        return decode(value.get());
      }
    }
    return Optional.empty();
  }

  /** The first present of the names, decoded; a missing or undecodable one is a parameter error. */
  static byte[] required(Parameters params, String... names) {
    boolean present = false;
    for (String name : names) {
      present |= params.has(name);
    }
    if (!present) {
      throw DomainException.missing(names[0]);
    }
    return optional(params, names)
        .orElseThrow(() -> DomainException.invalid(names[0], "must be base64url"));
  }

  static Optional<byte[]> decode(String text) {
    String url = text.trim().replace('+', '-').replace('/', '_').replace("=", "");
    try {
      return Optional.of(Base64.getUrlDecoder().decode(url));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
