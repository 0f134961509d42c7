package org.countersign.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second percent-decoding privacyIDEA applies to every query, form and path value. Its own Java
 * client encodes each value before its HTTP library encodes it again, so a value arrives encoded
 * twice, and privacyIDEA decodes once more for every client except the few that are known to encode
 * once (named by the product token of their {@code User-Agent}). Doing the same keeps e-mail user
 * names and PINs with {@code @ + % !} or non-ASCII characters working with the plug-ins, unchanged.
 *
 * <p>The decoding is exactly that of a second URL unquote: {@code %xx} becomes the byte {@code xx},
 * the bytes are read as UTF-8 (a malformed sequence becomes U+FFFD), {@code +} stays {@code +}, and
 * a {@code %} that is not followed by two hex digits stays as it is. JSON values are never
 * unquoted.
 */
public final class Unquoting {

  /** Clients whose values arrive encoded once, compared in lower case, whatever their version. */
  private static final Set<String> ENCODE_ONCE =
      Set.of("privacyidea-cp", "privacyidea-ldap-proxy", "simplesamlphp");

  private static final Pattern PRODUCT =
      Pattern.compile("^([a-zA-Z0-9_-]+)(/\\d+[\\d.]*)?(\\s.*)?$");

  private static final Unquoting ON = new Unquoting(true);
  private static final Unquoting OFF = new Unquoting(false);

  private final boolean active;

  private Unquoting(boolean active) {
    this.active = active;
  }

  /** The decoding for a request from this {@code User-Agent} (null or unparsable: decode again). */
  public static Unquoting forUserAgent(String userAgent) {
    if (userAgent == null) {
      return ON;
    }
    Matcher m = PRODUCT.matcher(userAgent);
    if (m.matches() && ENCODE_ONCE.contains(m.group(1).toLowerCase(Locale.ROOT))) {
      return OFF;
    }
    return ON;
  }

  /** No second decoding: values built inside the server. */
  public static Unquoting none() {
    return OFF;
  }

  public boolean active() {
    return active;
  }

  /** The value decoded once more, or unchanged when this client encodes once. */
  public String apply(String value) {
    if (!active || value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        flush(bytes, out);
        out.append(c);
        i++;
      } else if (c == '%'
          && i + 2 < value.length()
          && hex(value.charAt(i + 1)) >= 0
          && hex(value.charAt(i + 2)) >= 0) {
        bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
        i += 3;
      } else {
        bytes.write(c);
        i++;
      }
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() == 0) {
      return;
    }
    try {
      out.append(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes.toByteArray())));
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
    bytes.reset();
  }

  private static int hex(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }
}
