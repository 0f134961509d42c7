package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.countersign.challenge.Purpose;
import org.countersign.json.Jsonp;
import org.countersign.validate.CheckRequest;
import org.countersign.validate.CredentialCheck;
import org.countersign.validate.ValidationService;
import org.countersign.validate.Verdict;

/**
 * {@code /validate/}: the endpoints SSO backends call to check a second factor. No JWT is needed to
 * check.
 */
@Path("validate")
@ApplicationScoped
public class ValidateResource extends ApiResource {

  @Inject ValidationService validation;
  @Inject VerdictJson verdicts;
  @Inject CredentialCheck credentials;

  /**
   * {@code /validate/initialize}: a challenge bound to no user, for an authenticator that names its
   * credential itself (a passkey). The challenge is reported under the type's name.
   */
  @GET
  @Path("initialize")
  public Response initializeGet() {
    return initialize(query());
  }

  @POST
  @Path("initialize")
  public Response initializePost(byte[] body) {
    return initialize(params(body));
  }

  private Response initialize(Params p) {
    CredentialCheck.Initialized opened =
        credentials.initialize(
            p.required("type").toLowerCase(java.util.Locale.ROOT), Purpose.CHECK);
    JsonObject shown =
        Jsonp.createObjectBuilder(opened.shown().attributes())
            .add("transaction_id", opened.transactionId())
            .build();
    return responses.authentication(
        JsonValue.FALSE,
        "CHALLENGE",
        Jsonp.createObjectBuilder()
            .add("transaction_id", opened.transactionId())
            .add(opened.type(), shown)
            .build());
  }

  @GET
  @Path("check")
  public Response checkGet() {
    return check(query());
  }

  @POST
  @Path("check")
  public Response checkPost(byte[] body) {
    return check(params(body));
  }

  @POST
  @Path("triggerchallenge")
  public Response triggerChallenge(byte[] body) {
    caller().requireAdmin();
    CheckRequest target = Commands.target(params(body));
    return validation
        .trigger(target, origin())
        .map(
            c ->
                responses.authentication(
                    Jsonp.createValue(c.challenges().size()),
                    "CHALLENGE",
                    verdicts.challengeDetail(c)))
        .orElseGet(
            () ->
                responses.authentication(
                    Jsonp.createValue(0),
                    "REJECT",
                    Jsonp.createObjectBuilder()
                        .add("messages", Jsonp.createArrayBuilder())
                        .add("transaction_ids", Jsonp.createArrayBuilder())
                        .add("multi_challenge", Jsonp.createArrayBuilder())
                        .build()));
  }

  @GET
  @Path("polltransaction")
  public Response pollTransaction() {
    String transactionId = query().required("transaction_id");
    boolean answered = transactionId.length() <= 20 && validation.answered(transactionId);
    JsonObject detail =
        Jsonp.createObjectBuilder()
            .add("challenge_status", answered ? "accept" : "pending")
            .build();
    return responses.authentication(
        answered ? JsonValue.TRUE : JsonValue.FALSE, answered ? "ACCEPT" : "REJECT", detail);
  }

  private Response check(Params p) {
    if (credentials.isSignedAnswer(p)) {
      return verdicts.toResponse(
          credentials.check(p.required("transaction_id"), p, Purpose.CHECK, origin()));
    }
    Verdict verdict = validation.check(Commands.check(p), origin());
    return verdicts.toResponse(verdict);
  }
}
