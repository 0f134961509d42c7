package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.countersign.auth.Caller;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.json.Jsonp;
import org.countersign.token.Confirmation;
import org.countersign.token.Enrolment;
import org.countersign.token.EnrolmentService;
import org.countersign.token.Token;
import org.countersign.token.TokenFilter;
import org.countersign.token.TokenRepository;
import org.countersign.token.TokenService;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.OtpVerifier;
import org.countersign.token.spi.Resynchronizer;

/** {@code /token/}: enrol, list and administer tokens. Users reach only their own tokens. */
@Path("token")
@ApplicationScoped
public class TokenResource extends ApiResource {

  static final int DEFAULT_PAGE_SIZE = 15;
  static final int MAX_PAGE_SIZE = 500;

  @Inject EnrolmentService enrolment;
  @Inject org.countersign.token.EnrolmentCompletions completions;
  @Inject TokenService tokens;
  @Inject TokenTypes types;
  @Inject org.countersign.config.Settings settings;

  @POST
  @Path("init")
  public Response init(byte[] body) {
    Caller caller = caller();
    Params p = params(body);
    if (p.has("verify")) {
      String serial = p.required("serial");
      if (enrolment.confirm(serial, p.required("verify"), caller) != Confirmation.CONFIRMED) {
        throw new DomainException(Reason.TOKEN_ADMIN, "Verification of the new token failed.");
      }
      return responses.ok(JsonValue.TRUE, EnrolmentJson.confirmed(serial));
    }
    if (p.has("transaction_id")
        && p.has("serial")
        && completions.waitsForCompletion(p.required("serial"))) {
      completions.complete(p.required("serial"), p.required("transaction_id"), p, caller);
      return responses.ok(JsonValue.TRUE);
    }
    Enrolment created = enrolment.create(Commands.enrolment(p), caller, publicBase());
    return responses.ok(JsonValue.TRUE, EnrolmentJson.of(created));
  }

  @GET
  public Response list() {
    Caller caller = caller();
    Params p = query();
    int page = p.integer("page", 1, 1, 1_000_000);
    int size = p.integer("pagesize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    TokenFilter filter =
        new TokenFilter(
            nonEmpty(p, "serial"), nonEmpty(p, "type"), nonEmpty(p, "user"), nonEmpty(p, "realm"));
    TokenRepository.Page result = tokens.list(filter, page, size, caller);
    JsonArrayBuilder list = Jsonp.createArrayBuilder();
    for (Token t : result.tokens()) {
      list.add(
          TokenJson.of(
              t,
              types
                  .capability(t.type(), OtpVerifier.class)
                  .map(OtpVerifier::countWindow)
                  .orElse(TokenJson.DEFAULT_COUNT_WINDOW),
              types
                  .capability(t.type(), Resynchronizer.class)
                  .map(Resynchronizer::syncWindow)
                  .orElse(TokenJson.DEFAULT_SYNC_WINDOW)));
    }
    long pages = Math.max(1, (result.total() + size - 1) / size);
    var value =
        Jsonp.createObjectBuilder()
            .add("tokens", list)
            .add("count", result.total())
            .add("current", page);
    value.add("prev", page > 1 ? Jsonp.createValue(page - 1) : JsonValue.NULL);
    value.add("next", page < pages ? Jsonp.createValue(page + 1) : JsonValue.NULL);
    return responses.ok(value.build());
  }

  @DELETE
  @Path("{serial}")
  public Response delete(@PathParam("serial") String serial) {
    return responses.ok(tokens.delete(path(serial), caller()));
  }

  @POST
  @Path("enable")
  public Response enable(byte[] body) {
    return enable(null, body);
  }

  @POST
  @Path("enable/{serial}")
  public Response enable(@PathParam("serial") String serial, byte[] body) {
    Caller caller = caller();
    return responses.ok(tokens.setActive(serial(serial, body), true, caller));
  }

  @POST
  @Path("disable")
  public Response disable(byte[] body) {
    return disable(null, body);
  }

  @POST
  @Path("disable/{serial}")
  public Response disable(@PathParam("serial") String serial, byte[] body) {
    Caller caller = caller();
    return responses.ok(tokens.setActive(serial(serial, body), false, caller));
  }

  @POST
  @Path("reset")
  public Response reset(byte[] body) {
    return reset(null, body);
  }

  @POST
  @Path("reset/{serial}")
  public Response reset(@PathParam("serial") String serial, byte[] body) {
    Caller caller = caller();
    return responses.ok(tokens.reset(serial(serial, body), caller));
  }

  @POST
  @Path("setpin")
  public Response setPin(byte[] body) {
    return setPin(null, body);
  }

  @POST
  @Path("setpin/{serial}")
  public Response setPin(@PathParam("serial") String serial, byte[] body) {
    Caller caller = caller();
    Params p = params(body);
    return responses.ok(tokens.setPin(serial(serial, p), p.present("otppin"), caller));
  }

  @POST
  @Path("resync")
  public Response resync(byte[] body) {
    return resync(null, body);
  }

  @POST
  @Path("resync/{serial}")
  public Response resync(@PathParam("serial") String serial, byte[] body) {
    Caller caller = caller();
    Params p = params(body);
    return responses.ok(
        tokens.resync(serial(serial, p), p.required("otp1"), p.required("otp2"), caller));
  }

  private java.net.URI publicBase() {
    return settings.publicUrl().orElse(uriInfo.getBaseUri());
  }

  private String serial(String fromPath, byte[] body) {
    return serial(fromPath, params(body));
  }

  private String serial(String fromPath, Params p) {
    return fromPath != null && !fromPath.isEmpty() ? path(fromPath) : p.required("serial");
  }

  private static Optional<String> nonEmpty(Params p, String name) {
    return p.optional(name).filter(s -> !s.isEmpty());
  }
}
