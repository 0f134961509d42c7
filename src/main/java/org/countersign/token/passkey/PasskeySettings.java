package org.countersign.token.passkey;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.countersign.config.Configuration;
import org.countersign.config.ReadAtStart;
import org.countersign.config.Settings;

/**
 * Settings of the passkey type, read once at start-up: the relying party (its id is the domain
 * passkeys are bound to) and the web origins whose pages may use them.
 */
public record PasskeySettings(
    String rpId, String rpName, Set<String> origins, String userVerification, int timeoutMillis)
    implements ReadAtStart {

  /**
   * The relying party id: the domain passkeys are bound to, such as {@code example.com}. Default:
   * the host of {@code countersign.public.url}, else {@code localhost}.
   */
  public static final String RP_ID = "countersign.passkey.rp.id";

  /** The name authenticators show for the relying party. Default {@code Countersign}. */
  public static final String RP_NAME = "countersign.passkey.rp.name";

  /**
   * Comma-separated web origins (such as {@code https://login.example.com}) whose pages may create
   * and use passkeys. Default: any https origin on the relying party id or below it, and on {@code
   * localhost} also http.
   */
  public static final String ORIGINS = "countersign.passkey.origins";

  /**
   * {@code required} (default), {@code preferred} or {@code discouraged}: whether the authenticator
   * must verify the person (PIN or biometrics). A passkey is a whole second factor only when it
   * does; with {@code preferred} an answer without verification is accepted too.
   */
  public static final String USER_VERIFICATION = "countersign.passkey.user.verification";

  /** Milliseconds the browser waits for the person. Default 120000. */
  public static final String TIMEOUT = "countersign.passkey.timeout";

  private static final Set<String> VERIFICATION = Set.of("required", "preferred", "discouraged");

  public PasskeySettings {
    origins = Set.copyOf(origins);
  }

  /** Reads and validates the passkey settings; the message of a failure names the key. */
  public static PasskeySettings from(Configuration c) {
    String rpId = c.string(RP_ID, defaultRpId(c)).trim().toLowerCase(Locale.ROOT);
    if (rpId.isEmpty() || rpId.contains("/") || rpId.contains(":")) {
      throw new IllegalStateException("Configuration '" + RP_ID + "': a domain name, no scheme.");
    }
    String verification = c.string(USER_VERIFICATION, "required").trim().toLowerCase(Locale.ROOT);
    if (!VERIFICATION.contains(verification)) {
      throw new IllegalStateException(
          "Configuration '" + USER_VERIFICATION + "': required, preferred or discouraged.");
    }
    Set<String> origins = new LinkedHashSet<>();
    Arrays.stream(c.string(ORIGINS, "").split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .forEach(o -> origins.add(origin(o)));
    return new PasskeySettings(
        rpId,
        c.string(RP_NAME, "Countersign"),
        origins,
        verification,
        c.integer(TIMEOUT, 120_000, 10_000, 600_000));
  }

  /** Whether answers must carry the authenticator's user-verified flag. */
  public boolean requiresUserVerification() {
    return "required".equals(userVerification);
  }

  private static String defaultRpId(Configuration c) {
    return c.optional(Settings.PUBLIC_URL)
        .filter(s -> !s.isBlank())
        .map(s -> URI.create(s.trim()).getHost())
        .orElse("localhost");
  }

  private static String origin(String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Configuration '" + ORIGINS + "': " + text + " is no URL.");
    }
    if (uri.getScheme() == null
        || uri.getHost() == null
        || !"".equals(nullToEmpty(uri.getPath()))) {
      throw new IllegalStateException(
          "Configuration '" + ORIGINS + "': " + text + " is not an origin such as https://host.");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
