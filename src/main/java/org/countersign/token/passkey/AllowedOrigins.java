package org.countersign.token.passkey;

import com.webauthn4j.data.client.Origin;
import com.webauthn4j.server.OriginPredicate;
import java.util.Locale;

/**
 * Which web origins may use passkeys of the relying party: the configured list exactly, or, when
 * none is configured, the rule browsers apply themselves: an https origin whose host is the relying
 * party id or a name below it, and on {@code localhost} also http.
 */
final class AllowedOrigins implements OriginPredicate {

  private final PasskeySettings settings;

  AllowedOrigins(PasskeySettings settings) {
    this.settings = settings;
  }

  @Override
  public boolean test(Origin origin) {
    if (origin == null || origin.getHost() == null) {
      return false;
    }
    if (!settings.origins().isEmpty()) {
      return settings.origins().contains(origin.toString().toLowerCase(Locale.ROOT));
    }
    String host = origin.getHost().toLowerCase(Locale.ROOT);
    boolean onRp = host.equals(settings.rpId()) || host.endsWith("." + settings.rpId());
    boolean local = host.equals("localhost") || host.endsWith(".localhost");
    return onRp
        && ("https".equals(origin.getScheme()) || (local && "http".equals(origin.getScheme())));
  }
}
