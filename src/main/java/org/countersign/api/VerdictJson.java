package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.countersign.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import org.countersign.challenge.IssuedChallenge;
import org.countersign.validate.Verdict;

/**
 * The answer to an authentication, in privacyIDEA's shape. Every rejection has the same body, so that an unknown
 * user, a wrong PIN, a wrong code, a replayed code and any code for a locked token cannot be told apart.
 */
@ApplicationScoped
public class VerdictJson {

  /** The one message of every rejection. */
  public static final String REJECT_MESSAGE = "wrong otp pin or otp value";

  private static final JsonObject REJECT_DETAIL =
      Jsonp.createObjectBuilder().add("message", REJECT_MESSAGE).build();

  @Inject Responses responses;

  public Response toResponse(Verdict verdict) {
    if (verdict instanceof Verdict.Accepted a) {
      JsonObject detail = Jsonp.createObjectBuilder()
          .add("message", "matching 1 tokens")
          .add("serial", a.serial())
          .add("type", a.type())
          .add("otplen", a.otpLen())
          .build();
      return responses.authentication(JsonValue.TRUE, "ACCEPT", detail);
    }
    if (verdict instanceof Verdict.Challenged c) {
      return responses.authentication(JsonValue.FALSE, "CHALLENGE", challengeDetail(c));
    }
    return responses.authentication(JsonValue.FALSE, "REJECT", REJECT_DETAIL);
  }

  /** The detail of an answer that opened challenges, shared by /validate/check and /validate/triggerchallenge. */
  public JsonObject challengeDetail(Verdict.Challenged c) {
    JsonArrayBuilder multi = Jsonp.createArrayBuilder();
    JsonArrayBuilder messages = Jsonp.createArrayBuilder();
    JsonArrayBuilder ids = Jsonp.createArrayBuilder();
    String mode = "interactive";
    for (IssuedChallenge ch : c.challenges()) {
      var entry = Jsonp.createObjectBuilder()
          .add("serial", ch.serial())
          .add("type", ch.type())
          .add("transaction_id", c.transactionId())
          .add("message", ch.message())
          .add("client_mode", ch.clientMode())
          .add("attributes", ch.attributes());
      if (ch.image() != null) {
        entry.add("image", ch.image());
      }
      multi.add(entry);
      messages.add(ch.message());
      ids.add(c.transactionId());
      mode = ch.clientMode();
    }
    IssuedChallenge first = c.challenges().get(0);
    var detail = Jsonp.createObjectBuilder()
        .add("serial", first.serial())
        .add("type", first.type())
        .add("client_mode", first.clientMode())
        .add("attributes", first.attributes());
    if (first.image() != null) {
      detail.add("image", first.image());
    }
    return detail
        .add("transaction_id", c.transactionId())
        .add("transaction_ids", ids)
        .add("messages", messages)
        .add("message", first.message())
        .add("multi_challenge", multi)
        .add("preferred_client_mode", mode)
        .build();
  }
}
