package org.countersign.token.tiqr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.countersign.api.Params;
import org.countersign.error.DomainException;
import org.countersign.json.Jsonp;
import org.countersign.qr.QrCodes;
import org.countersign.token.EnrolmentSessions;
import org.countersign.token.RolloutState;
import org.countersign.token.Token;
import org.countersign.token.spi.AppEndpoint;
import org.countersign.token.spi.ChallengeIssuer;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.TokenType;

/**
 * TiQR tokens: the smartphone app holds the secret and answers OCRA challenges it scans from a QR
 * code.
 *
 * <p>Enrolment: {@code /token/init type=tiqr user=alice} opens a one-time session and returns a
 * {@code tiqrenroll://} QR code pointing at {@code /ttype/tiqr?action=metadata}. The app fetches
 * the metadata, then posts its secret to the enrolment URL in it; the token moves from {@code
 * clientwait} to {@code enrolled}.
 *
 * <p>Login: a check whose pass is the token PIN opens a challenge and shows a {@code tiqrauth://}
 * QR code; the app posts its OCRA response to {@code /ttype/tiqr}; the client polls {@code
 * /validate/polltransaction} and finalises with {@code /validate/check transaction_id=…}.
 */
@ApplicationScoped
public class TiqrType implements TokenType, ChallengeIssuer, AppEndpoint {

  static final String INFO_SUITE = "ocrasuite";
  static final String TYPE = "tiqr";

  @Inject TiqrSettings settings;
  @Inject TiqrApp app;
  @Inject EnrolmentSessions sessions;
  @Inject SecureRandom random;

  @Override
  public String name() {
    return TYPE;
  }

  @Override
  public String serialPrefix() {
    return "TiQR";
  }

  @Override
  public JsonObject enrol(Token token, Params params, EnrolmentContext context) {
    if (context.username().isEmpty()) {
      throw DomainException.missing("user");
    }
    OcraSuite suite =
        context.policy(TiqrPolicyActions.OCRA_SUITE).map(OcraSuite::parse).orElse(settings.suite());
    token.putInfo(INFO_SUITE, suite.text());
    token.setOtpLen(suite.digits());
    token.setRolloutState(RolloutState.CLIENT_WAIT);
    String session = sessions.open(token.serial(), settings.enrolmentValiditySeconds());
    String metadataUrl =
        context.publicBase()
            + "ttype/tiqr?action=metadata&session="
            + session
            + "&serial="
            + encode(token.serial());
    String value = "tiqrenroll://" + metadataUrl;
    return Jsonp.createObjectBuilder()
        .add(
            "tiqrenroll",
            Jsonp.createObjectBuilder()
                .add("description", "URL for TiQR enrollment")
                .add("value", value)
                .add("img", QrCodes.pngDataUri(value)))
        .build();
  }

  @Override
  public NewChallenge create(Token token, String transactionId, Instant now) {
    OcraSuite suite = suiteOf(token);
    String question = suite.randomQuestion(random);
    byte[] key = new byte[16];
    random.nextBytes(key);
    String sessionKey = HexFormat.of().formatHex(key);
    String url =
        "tiqrauth://"
            + encode(TiqrIdentity.identifier(token))
            + "@"
            + settings.serviceIdentifier()
            + "/"
            + sessionKey
            + "/"
            + question
            + "/"
            + encode(settings.serviceName());
    String img = QrCodes.pngDataUri(url);
    JsonObject attributes =
        Jsonp.createObjectBuilder()
            .add("img", img)
            .add("value", url)
            .add("poll", true)
            .add("hideResponseInput", true)
            .build();
    return new NewChallenge(
        question, sessionKey, "Please scan the QR code with the tiqr app", "poll", attributes, img);
  }

  @Override
  public AppReply handle(Params params, AppContext context) {
    return app.handle(params, context);
  }

  static OcraSuite suiteOf(Token token) {
    return OcraSuite.parse(token.info().getOrDefault(INFO_SUITE, TiqrSettings.DEFAULT_SUITE));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
