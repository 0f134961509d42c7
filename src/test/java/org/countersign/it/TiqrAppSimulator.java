package org.countersign.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.countersign.token.tiqr.Ocra;
import org.countersign.token.tiqr.OcraInput;
import org.countersign.token.tiqr.OcraSuite;

/**
 * Plays the tiqr smartphone app: scans the enrolment QR code, fetches the metadata, registers a
 * secret, and later scans {@code tiqrauth://} codes and posts OCRA responses, as the Android and
 * iOS apps do.
 *
 * <p>The server builds its URLs from the request base, which may name another address than the one
 * the tests reach it on; every request of the simulator goes to the loopback address with the port
 * and path the server reported, and a URL outside the server under test is refused.
 */
final class TiqrAppSimulator {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Api api;
  private JsonObject metadata;
  private byte[] secret;

  TiqrAppSimulator(Api api) {
    this.api = api;
  }

  /**
   * What the app's camera reads from a {@code data:image/png;base64,…} QR code. The image is
   * computer-drawn, so it is read as a pure barcode first; ZXing's camera-frame detector alone
   * misses a few clean codes.
   */
  static String scan(String imageDataUri) {
    String prefix = "data:image/png;base64,";
    if (!imageDataUri.startsWith(prefix)) {
      throw new AssertionError(
          "not a PNG data URI: " + imageDataUri.substring(0, Math.min(40, imageDataUri.length())));
    }
    try {
      BufferedImage image =
          ImageIO.read(
              new ByteArrayInputStream(
                  Base64.getDecoder().decode(imageDataUri.substring(prefix.length()))));
      if (image == null) {
        throw new AssertionError("not a readable PNG image");
      }
      BinaryBitmap bitmap =
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
      try {
        return new MultiFormatReader()
            .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true))
            .getText();
      } catch (NotFoundException notPure) {
        return new MultiFormatReader()
            .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true))
            .getText();
      }
    } catch (IOException | NotFoundException e) {
      throw new AssertionError("no QR code found in the image", e);
    }
  }

  /**
   * GETs the metadata URL of a {@code tiqrenroll://} code; remembers the metadata when the reply is
   * JSON.
   */
  Api.Reply fetchMetadata(String tiqrenrollUrl) {
    if (!tiqrenrollUrl.startsWith("tiqrenroll://")) {
      throw new IllegalArgumentException("not a tiqrenroll URL: " + tiqrenrollUrl);
    }
    Api.Reply reply =
        api.get(onServer(tiqrenrollUrl.substring("tiqrenroll://".length())), Map.of());
    if (reply.status() == 200 && reply.json() != null && reply.json().containsKey("service")) {
      metadata = reply.json();
    }
    return reply;
  }

  /** Registers a fresh random 32-byte secret, as current apps do. */
  Api.Reply register() {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    return register(HexFormat.of().formatHex(fresh));
  }

  /**
   * Registers this secret (hex, possibly malformed); the app keeps it only when the server answers
   * {@code OK}.
   */
  Api.Reply register(String secretHex) {
    return registerAt(service().getString("enrollmentUrl"), secretHex);
  }

  /** Registers at a URL of the caller's choosing, for tampered enrolment URLs. */
  Api.Reply registerAt(String enrollmentUrl, String secretHex) {
    Api.Reply reply =
        api.post(
            onServer(enrollmentUrl),
            Api.form(
                "secret", secretHex,
                "operation", "register",
                "language", "en",
                "notificationType", "APNS",
                "notificationAddress", "0123456789abcdef"));
    if (reply.status() == 200 && "OK".equals(reply.body())) {
      secret = HexFormat.of().parseHex(secretHex);
    }
    return reply;
  }

  /** Reads the {@code tiqrauth://} code of a challenge image. */
  static AuthRequest scanAuthentication(String imageDataUri) {
    return AuthRequest.parse(scan(imageDataUri));
  }

  /** The OCRA response the app computes for a scanned authentication request. */
  String response(AuthRequest request) {
    if (secret == null) {
      throw new IllegalStateException("the app has not registered a secret");
    }
    OcraSuite suite = OcraSuite.parse(service().getString("ocraSuite"));
    OcraInput input =
        OcraInput.builder().question(request.question()).sessionHex(request.sessionKey()).build();
    return Ocra.compute(suite, secret, input);
  }

  /** Answers a scanned authentication request correctly. */
  Api.Reply login(AuthRequest request) {
    return login(request.sessionKey(), request.userId(), response(request));
  }

  /** Posts a login with these values; a null value is left out of the request. */
  Api.Reply login(String sessionKey, String userId, String response) {
    Map<String, String> form = new LinkedHashMap<>();
    putIfPresent(form, "sessionKey", sessionKey);
    putIfPresent(form, "userId", userId);
    putIfPresent(form, "response", response);
    form.put("operation", "login");
    form.put("language", "en");
    form.put("notificationType", "APNS");
    form.put("notificationAddress", "0123456789abcdef");
    return api.post(onServer(service().getString("authenticationUrl")), form);
  }

  JsonObject metadata() {
    if (metadata == null) {
      throw new IllegalStateException("no metadata fetched");
    }
    return metadata;
  }

  /** The identity identifier the metadata gave, which the app sends as {@code userId}. */
  String identity() {
    return metadata().getJsonObject("identity").getString("identifier");
  }

  private JsonObject service() {
    return metadata().getJsonObject("service");
  }

  /**
   * The path, relative to the API base, of a URL the server reported; it must name the server's own
   * port and lie under its base path, so that nothing is ever sent elsewhere.
   */
  private String onServer(String url) {
    URI reported = URI.create(url);
    URI base = api.base();
    if (!"http".equals(reported.getScheme()) && !"https".equals(reported.getScheme())) {
      throw new AssertionError("not an http(s) URL: " + url);
    }
    if (reported.getPort() != base.getPort()
        || !reported.getRawPath().startsWith(base.getRawPath())) {
      throw new AssertionError("URL outside the server under test (" + base + "): " + url);
    }
    String relative = reported.getRawPath().substring(base.getRawPath().length());
    return reported.getRawQuery() == null ? relative : relative + "?" + reported.getRawQuery();
  }

  private static void putIfPresent(Map<String, String> form, String key, String value) {
    if (value != null) {
      form.put(key, value);
    }
  }

  /**
   * A scanned {@code tiqrauth://<userId>@<service>/<sessionKey>/<question>/<service name>} code.
   */
  record AuthRequest(
      String url,
      String userId,
      String serviceIdentifier,
      String sessionKey,
      String question,
      String serviceName) {

    static AuthRequest parse(String url) {
      String prefix = "tiqrauth://";
      if (!url.startsWith(prefix)) {
        throw new IllegalArgumentException("not a tiqrauth URL: " + url);
      }
      String rest = url.substring(prefix.length());
      int at = rest.indexOf('@');
      String userId = at < 0 ? null : decode(rest.substring(0, at));
      String[] parts = rest.substring(at + 1).split("/");
      if (parts.length < 4) {
        throw new IllegalArgumentException("tiqrauth URL with too few parts: " + url);
      }
      return new AuthRequest(url, userId, parts[0], parts[1], parts[2], decode(parts[3]));
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
  }
}
