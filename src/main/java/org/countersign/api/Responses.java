package org.countersign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.countersign.json.Jsonp;

/**
 * Builds the privacyIDEA response envelope: {@code
 * {"jsonrpc":"2.0","result":{"status":true,"value":…},"detail":{…},"id":1,"version":…,"time":…}}.
 * Endpoints that authenticate use id 2 and add {@code result.authentication}.
 */
@ApplicationScoped
public class Responses {

  public static final String VERSION_NUMBER = readVersion();
  public static final String VERSION = "Countersign " + VERSION_NUMBER;

  @Inject Clock clock;

  public Response ok(JsonValue value) {
    return ok(value, JsonValue.EMPTY_JSON_OBJECT);
  }

  public Response ok(JsonValue value, JsonObject detail) {
    JsonObjectBuilder result = Jsonp.createObjectBuilder().add("status", true).add("value", value);
    return send(200, envelope(1, result, detail));
  }

  public Response ok(boolean value) {
    return ok(value ? JsonValue.TRUE : JsonValue.FALSE);
  }

  public Response ok(int value) {
    return ok(Jsonp.createValue(value));
  }

  /** An authentication answer: ACCEPT, REJECT, CHALLENGE or DECLINED. */
  public Response authentication(JsonValue value, String authentication, JsonObject detail) {
    JsonObjectBuilder result =
        Jsonp.createObjectBuilder()
            .add("status", true)
            .add("value", value)
            .add("authentication", authentication);
    return send(200, envelope(2, result, detail));
  }

  public Response error(ErrorCode code, String message) {
    return error(code, message, Optional.empty());
  }

  /**
   * The error envelope; with {@code retryAfter}, also the {@code Retry-After} header in whole
   * seconds, at least 1.
   */
  public Response error(ErrorCode code, String message, Optional<Duration> retryAfter) {
    JsonObjectBuilder result =
        Jsonp.createObjectBuilder()
            .add("status", false)
            .add(
                "error",
                Jsonp.createObjectBuilder()
                    .add("code", code.code())
                    .add("message", code.format(message)));
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("jsonrpc", "2.0")
            .add("detail", JsonValue.NULL)
            .add("result", result)
            .add("id", 1)
            .add("version", VERSION)
            .add("time", now());
    Response reply = send(code.status(), json.build());
    if (retryAfter.isEmpty()) {
      return reply;
    }
    long seconds = Math.max(1, (retryAfter.get().toMillis() + 999) / 1000);
    return Response.fromResponse(reply).header("Retry-After", Long.toString(seconds)).build();
  }

  private JsonObject envelope(int id, JsonObjectBuilder result, JsonObject detail) {
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder().add("jsonrpc", "2.0").add("result", result);
    if (detail != null && !detail.isEmpty()) {
      json.add("detail", detail);
    }
    return json.add("id", id)
        .add("version", VERSION)
        .add("versionnumber", VERSION_NUMBER)
        .add("time", now())
        .build();
  }

  private BigDecimal now() {
    return BigDecimal.valueOf(clock.millis(), 3);
  }

  private static Response send(int status, JsonObject body) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoCache(true);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .cacheControl(noStore)
        .entity(body.toString())
        .build();
  }

  private static String readVersion() {
    Properties p = new Properties();
    try (InputStream in = Responses.class.getResourceAsStream("/countersign-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
