package org.countersign.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A small HTTP client for the black-box tests: form, query and JSON requests, JSON replies. */
public final class Api {

  public static final String ADMIN_PASSWORD = "it-Admin-Passw0rd";

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /**
   * The server as Arquillian reports it, reached over loopback only (the reported host may be
   * another address).
   */
  public Api(URL base) {
    String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
    this.base = URI.create("http://127.0.0.1:" + base.getPort() + path);
  }

  public URI base() {
    return base;
  }

  /** A reply: HTTP status, raw body and the body as JSON (null when it is not JSON). */
  public record Reply(int status, String body, JsonObject json, java.net.http.HttpHeaders headers) {
    public boolean value() {
      return json.getJsonObject("result").getBoolean("value");
    }

    public JsonObject result() {
      return json.getJsonObject("result");
    }

    public JsonObject detail() {
      return json.getJsonObject("detail");
    }

    public int errorCode() {
      return result().getJsonObject("error").getInt("code");
    }

    public String errorMessage() {
      return result().getJsonObject("error").getString("message");
    }

    public int intValue() {
      return result().getInt("value");
    }

    public String authentication() {
      return result().getString("authentication");
    }

    /** The body without the parts that legitimately differ between two calls. */
    public String withoutTimeAndId() {
      return body.replaceAll("\"time\":[0-9.]+", "\"time\":0")
          .replaceAll("\"id\":[0-9]+", "\"id\":0");
    }
  }

  public static Map<String, String> form(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  public Reply post(String path, Map<String, String> form, String jwt) {
    return send(
        request(path, jwt)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  public Reply post(String path, Map<String, String> form) {
    return post(path, form, null);
  }

  public Reply postJson(String path, String json, String jwt) {
    return send(
        request(path, jwt)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply postRaw(String path, String contentType, byte[] body, String jwt) {
    return send(
        request(path, jwt)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Reply get(String path, Map<String, String> query, String jwt) {
    String q = query.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + encode(query);
    return send(request(path + q, jwt).GET());
  }

  public Reply get(String path, Map<String, String> query) {
    return get(path, query, null);
  }

  public Reply delete(String path, String jwt) {
    return send(request(path, jwt).DELETE());
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), parse(r.body()), r.headers());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String jwt) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(60));
    if (jwt != null) {
      b.header("Authorization", jwt);
    }
    return b;
  }

  /** Logs in and returns the raw JWT. */
  public String login(String username, String password) {
    Reply r = post("auth", form("username", username, "password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r.body());
    }
    return r.result().getJsonObject("value").getString("token");
  }

  /**
   * Signs in a user who owns a token: the password opens a challenge, the code answers it; returns
   * the JWT.
   */
  public String login(String username, String password, String code) {
    Reply challenge = post("auth", form("username", username, "password", password));
    if (!"CHALLENGE".equals(challenge.authentication())) {
      throw new IllegalStateException("no sign-in challenge: " + challenge.body());
    }
    Reply r =
        post(
            "auth",
            form(
                "username",
                username,
                "password",
                code,
                "transaction_id",
                challenge.detail().getString("transaction_id")));
    if (r.status() != 200) {
      throw new IllegalStateException("second step failed: " + r.body());
    }
    return r.result().getJsonObject("value").getString("token");
  }

  public String adminJwt() {
    return login("admin", ADMIN_PASSWORD);
  }

  /** Creates a user with a unique name and returns the name. */
  public String newUser(String adminJwt, String prefix, String password) {
    String name = prefix + Long.toHexString(System.nanoTime());
    Reply r =
        post(
            "user/",
            form("user", name, "password", password, "givenname", "Test", "surname", prefix),
            adminJwt);
    if (r.status() != 200) {
      throw new IllegalStateException("user creation failed: " + r.body());
    }
    return name;
  }

  /** A request with the JWT in {@code PI-Authorization} instead of {@code Authorization}. */
  public Reply getWithPiAuthorization(String path, String jwt) {
    return send(request(path, null).header("PI-Authorization", jwt).GET());
  }

  /** {@code POST /token/init} with the given parameter pairs. */
  public Reply init(String jwt, String... pairs) {
    return post("token/init", form(pairs), jwt);
  }

  /**
   * Enrols a token and returns the serial the server reports; fails the calling test when enrolment
   * fails.
   */
  public String enrol(String jwt, String... pairs) {
    Reply r = init(jwt, pairs);
    if (r.status() != 200) {
      throw new IllegalStateException("enrolment failed: " + r.body());
    }
    return r.detail().getString("serial");
  }

  /**
   * The token with this serial as {@code GET /token/} shows it to an admin, or null when there is
   * none.
   */
  public JsonObject token(String jwt, String serial) {
    Reply r = get("token/", form("serial", serial), jwt);
    if (r.status() != 200) {
      throw new IllegalStateException("token list failed: " + r.body());
    }
    var tokens = r.result().getJsonObject("value").getJsonArray("tokens");
    return tokens.isEmpty() ? null : tokens.getJsonObject(0);
  }

  /** {@code POST /validate/check} as a form. */
  public Reply check(String... pairs) {
    return post("validate/check", form(pairs));
  }

  public static String encode(Map<String, String> form) {
    StringJoiner j = new StringJoiner("&");
    form.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  private static JsonObject parse(String body) {
    if (body == null || !body.startsWith("{")) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
