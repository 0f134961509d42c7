package org.countersign.api;

import org.countersign.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.countersign.token.Token;

/** A token as {@code GET /token/} shows it, in privacyIDEA's field names. Never includes the seed or the PIN. */
final class TokenJson {

  private TokenJson() {}

  static JsonObject of(Token t) {
    JsonObjectBuilder info = Jsonp.createObjectBuilder();
    t.info().forEach(info::add);
    info.add("creation_date", iso(t.createdAt()));
    t.lastUsedAt().ifPresent(at -> info.add("last_auth", iso(at)));
    return Jsonp.createObjectBuilder()
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
        .add("description", t.description())
        .add("rollout_state", t.rolloutState())
        .add("username", t.username().orElse(""))
        .add("user_realm", t.realm().orElse(""))
        .add("user_id", t.username().orElse(""))
        .add("realms", t.realm().map(r -> Jsonp.createArrayBuilder().add(r)).orElse(Jsonp.createArrayBuilder()))
        .add("info", info)
        .build();
  }

  private static String iso(LocalDateTime utc) {
    return utc.atOffset(ZoneOffset.UTC).toString();
  }
}
