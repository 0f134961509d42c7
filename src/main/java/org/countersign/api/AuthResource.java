package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.countersign.auth.Authentication;
import org.countersign.json.Jsonp;

/**
 * {@code POST /auth}: exchanges a user name and password for a JWT. A user who owns a usable token
 * gets {@code CHALLENGE} instead, as privacyIDEA answers in its {@code privacyIDEA} login mode, and
 * repeats the call with {@code username}, {@code transaction_id} and the code as {@code password}
 * (empty once their app has answered).
 */
@Path("auth")
@ApplicationScoped
public class AuthResource extends ApiResource {

  @Inject VerdictJson verdicts;

  @POST
  public Response login(byte[] body) {
    Params p = params(body);
    String username = p.required("username");
    Optional<String> realm = p.optional("realm").filter(s -> !s.isEmpty());
    Optional<String> transactionId = p.optional("transaction_id").filter(s -> !s.isEmpty());
    Authentication.Login login =
        transactionId.isPresent()
            ? authentication.answer(
                username, realm, transactionId.get(), p.optional("password").orElse(""), origin())
            : authentication.login(username, p.required("password"), realm, origin());
    if (login instanceof Authentication.Login.SecondStep second) {
      return responses.authentication(
          JsonValue.FALSE, "CHALLENGE", verdicts.challengeDetail(second.challenges()));
    }
    var granted = (Authentication.Login.Granted) login;
    var caller = granted.caller();
    var rights = Jsonp.createArrayBuilder();
    granted.rights().forEach(rights::add);
    JsonObject value =
        Jsonp.createObjectBuilder()
            .add("token", granted.jwt().token())
            .add("username", caller.username())
            .add("realm", caller.realm())
            .add("role", caller.role().wireName())
            .add("rights", rights)
            .add("authtype", granted.authType().claim())
            .add("auth", true)
            .build();
    return responses.authentication(value, "ACCEPT", null);
  }
}
