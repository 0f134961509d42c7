package org.countersign.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.countersign.token.tiqr.Ocra;
import org.countersign.token.tiqr.OcraInput;
import org.countersign.token.tiqr.OcraSuite;

/**
 * Plays the tiqr smartphone app: scans a {@code tiqrenroll://} code (fetches the metadata,
 * registers a fresh secret) and answers {@code tiqrauth://} codes with the OCRA response, as the
 * real app does over HTTP.
 */
final class TiqrAppSimulator {

  private final HttpClient http = HttpClient.newHttpClient();
  private final byte[] secret = new byte[32];
  private String authenticationUrl;
  private OcraSuite suite;

  TiqrAppSimulator() {
    new SecureRandom().nextBytes(secret);
  }

  /** Scans the enrolment code; returns the server's reply to the registration ({@code OK}). */
  String enrol(String tiqrenroll) {
    if (!tiqrenroll.startsWith("tiqrenroll://")) {
      throw new IllegalArgumentException("not a tiqr enrolment code");
    }
    String metadataUrl = tiqrenroll.substring("tiqrenroll://".length());
    JsonObject metadata;
    try (var reader = Json.createReader(new StringReader(get(metadataUrl)))) {
      metadata = reader.readObject();
    }
    JsonObject service = metadata.getJsonObject("service");
    authenticationUrl = service.getString("authenticationUrl");
    suite = OcraSuite.parse(service.getString("ocraSuite"));
    return post(
        service.getString("enrollmentUrl"),
        "secret="
            + HexFormat.of().formatHex(secret)
            + "&language=en&notificationType=APNS&notificationAddress=0");
  }

  /**
   * Scans a login code {@code tiqrauth://<user>@<service>/<session key>/<question>/<service name>}
   * and answers it; returns the server's reply ({@code OK}).
   */
  String answer(String tiqrauth) {
    String[] parts = tiqrauth.substring("tiqrauth://".length()).split("/");
    String userId =
        URLDecoder.decode(parts[0].substring(0, parts[0].lastIndexOf('@')), StandardCharsets.UTF_8);
    String sessionKey = parts[1];
    String question = parts[2];
    String response =
        Ocra.compute(
            suite, secret, OcraInput.builder().question(question).sessionHex(sessionKey).build());
    return post(
        authenticationUrl,
        "sessionKey="
            + sessionKey
            + "&userId="
            + encode(userId)
            + "&response="
            + response
            + "&language=en&operation=login");
  }

  private String get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private String post(String url, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private String send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
