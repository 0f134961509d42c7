package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.countersign.challenge.IssuedChallenge;
import org.countersign.json.Jsonp;
import org.countersign.validate.Verdict;

/**
 * The answer to an authentication, in privacyIDEA's shape. Every rejection has the same body, so
 * that an unknown user, a wrong PIN, a wrong code, a replayed code and any code for a locked token
 * cannot be told apart.
 */
@ApplicationScoped
public class VerdictJson {

  /** The one message of every rejection. */
  public static final String REJECT_MESSAGE = "wrong otp pin or otp value";

  private static final JsonObject REJECT_DETAIL =
      Jsonp.createObjectBuilder().add("message", REJECT_MESSAGE).build();

  private static final List<String> PREFERRED_MODES =
      List.of("interactive", "webauthn", "poll", "u2f");

  @Inject Responses responses;

  public Response toResponse(Verdict verdict) {
    if (verdict instanceof Verdict.Accepted a) {
      JsonObject detail =
          Jsonp.createObjectBuilder()
              .add("message", "matching 1 tokens")
              .add("serial", a.serial())
              .add("type", a.type())
              .add("otplen", a.otpLen())
              .build();
      return responses.authentication(JsonValue.TRUE, "ACCEPT", detail);
    }
    if (verdict instanceof Verdict.Identified i) {
      JsonObject detail =
          Jsonp.createObjectBuilder()
              .add("username", i.username())
              .add("message", "Found matching challenge")
              .add("serial", i.serial())
              .add("type", i.type())
              .build();
      return responses.authentication(JsonValue.TRUE, "ACCEPT", detail);
    }
    if (verdict instanceof Verdict.Passed passed) {
      return responses.authentication(
          JsonValue.TRUE,
          "ACCEPT",
          Jsonp.createObjectBuilder().add("message", passed.message()).build());
    }
    if (verdict instanceof Verdict.Challenged c) {
      return responses.authentication(JsonValue.FALSE, "CHALLENGE", challengeDetail(c));
    }
    return responses.authentication(JsonValue.FALSE, "REJECT", REJECT_DETAIL);
  }

  /**
   * The detail of an answer that opened challenges, shared by /validate/check,
   * /validate/triggerchallenge and /auth, as privacyIDEA builds it: one entry per challenge (a code
   * challenge carries no attributes), the top-level serial, type and mode of the last one, and the
   * distinct messages joined.
   */
  public JsonObject challengeDetail(Verdict.Challenged c) {
    JsonArrayBuilder multi = Jsonp.createArrayBuilder();
    JsonArrayBuilder messages = Jsonp.createArrayBuilder();
    JsonArrayBuilder ids = Jsonp.createArrayBuilder();
    Set<String> distinct = new LinkedHashSet<>();
    for (IssuedChallenge ch : c.challenges()) {
      multi.add(
          withExtras(
              Jsonp.createObjectBuilder()
                  .add("serial", ch.serial())
                  .add("type", ch.type())
                  .add("transaction_id", c.transactionId())
                  .add("message", ch.message())
                  .add("client_mode", ch.clientMode()),
              ch));
      messages.add(ch.message());
      ids.add(c.transactionId());
      distinct.add(ch.message());
    }
    IssuedChallenge last = c.challenges().get(c.challenges().size() - 1);
    var detail =
        withExtras(
            Jsonp.createObjectBuilder()
                .add("serial", last.serial())
                .add("type", last.type())
                .add("client_mode", last.clientMode()),
            last);
    return detail
        .add("transaction_id", c.transactionId())
        .add("transaction_ids", ids)
        .add("messages", messages)
        .add("message", String.join(", ", distinct))
        .add("multi_challenge", multi)
        .add("preferred_client_mode", preferredMode(c))
        .build();
  }

  /** The attributes and image of a challenge an app answers; a code challenge has neither. */
  private static JsonObjectBuilder withExtras(JsonObjectBuilder entry, IssuedChallenge ch) {
    if (!ch.attributes().isEmpty() || ch.image() != null) {
      entry.add("attributes", ch.attributes());
    }
    if (ch.image() != null) {
      entry.add("image", ch.image());
    }
    return entry;
  }

  /**
   * privacyIDEA's default preference, {@code interactive webauthn poll u2f}: the first one offered.
   */
  private static String preferredMode(Verdict.Challenged c) {
    for (String mode : PREFERRED_MODES) {
      if (c.challenges().stream().anyMatch(ch -> ch.clientMode().equals(mode))) {
        return mode;
      }
    }
    return c.challenges().get(0).clientMode();
  }
}
