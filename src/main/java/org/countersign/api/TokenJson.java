package org.countersign.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.countersign.json.Jsonp;
import org.countersign.token.Token;
import org.countersign.user.UserStore;

/**
 * A token as {@code GET /token/} shows it, with every field of privacyIDEA 3.12's token object.
 * Never includes the seed or the PIN. {@code count_window} and {@code sync_window} are the type's
 * (privacyIDEA's defaults, 10 and 1000, for a type without codes); {@code user_editable} is sent
 * for assigned tokens only, as privacyIDEA does.
 */
final class TokenJson {

  private TokenJson() {}

  static final int DEFAULT_COUNT_WINDOW = 10;
  static final int DEFAULT_SYNC_WINDOW = 1000;

  static JsonObject of(Token t, int countWindow, int syncWindow) {
    JsonObjectBuilder info = Jsonp.createObjectBuilder();
    t.info().forEach(info::add);
    info.add("creation_date", iso(t.createdAt()));
    t.lastUsedAt().ifPresent(at -> info.add("last_auth", iso(at)));
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("id", t.id())
            .add("serial", t.serial())
            .add("tokentype", t.type())
            .add("active", t.active())
            .add("revoked", false)
            .add("locked", t.locked())
            .add("failcount", t.failCount())
            .add("maxfail", t.maxFail())
            .add("count", t.lastCounter() + 1)
            .add("otplen", t.otpLen())
            .add("count_window", countWindow)
            .add("sync_window", syncWindow)
            .add("description", t.description())
            .add("rollout_state", t.rolloutState().apiName())
            .add("username", t.username().orElse(""))
            .add("user_realm", t.realm().orElse(""))
            .add("user_id", t.username().orElse(""))
            .add("resolver", t.username().isPresent() ? UserStore.RESOLVER : "")
            .add(
                "realms",
                t.realm()
                    .map(r -> Jsonp.createArrayBuilder().add(r))
                    .orElse(Jsonp.createArrayBuilder()))
            .add("tokengroup", Jsonp.createArrayBuilder())
            .add("container_serial", "")
            .add("info", info);
    if (t.username().isPresent()) {
      json.add("user_editable", false);
    }
    return json.build();
  }

  private static String iso(LocalDateTime utc) {
    return utc.atOffset(ZoneOffset.UTC).toString();
  }
}
