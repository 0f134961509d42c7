package org.countersign.token.tiqr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.countersign.api.Params;
import org.countersign.audit.AuditLog;
import org.countersign.challenge.Challenge;
import org.countersign.challenge.ChallengeService;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.json.Jsonp;
import org.countersign.token.EnrolmentSessions;
import org.countersign.token.Lockout;
import org.countersign.token.RolloutState;
import org.countersign.token.Token;
import org.countersign.token.TokenRepository;
import org.countersign.token.TokenSecrets;
import org.countersign.token.spi.AppEndpoint.AppContext;
import org.countersign.token.spi.AppEndpoint.AppReply;
import org.countersign.user.User;
import org.countersign.user.UserStore;

/**
 * The tiqr app protocol at {@code /ttype/tiqr}: {@code action=metadata} (raw JSON), {@code
 * action=enrollment} ({@code OK}) and the login answer (no action; plain-text replies {@code OK},
 * {@code INVALID_RESPONSE:<n>}, {@code INVALID_CHALLENGE}, {@code INVALID_USERID}, {@code
 * INVALID_REQUEST}, {@code ACCOUNT_BLOCKED}).
 */
@ApplicationScoped
public class TiqrApp {

  static final int MIN_SECRET_BYTES = 20;
  static final int MAX_SECRET_BYTES = 64;

  @Inject TiqrSettings settings;
  @Inject EnrolmentSessions sessions;
  @Inject ChallengeService challenges;
  @Inject TokenRepository tokens;
  @Inject TokenSecrets secrets;
  @Inject UserStore users;
  @Inject AuditLog audit;
  @Inject org.countersign.ops.Outcomes outcomes;
  @Inject Lockout lockout;
  @Inject Clock clock;

  @Transactional(dontRollbackOn = DomainException.class)
  public AppReply handle(Params params, AppContext context) {
    String action = params.optional("action").filter(s -> !s.isEmpty()).orElse("authentication");
    switch (action) {
      case "metadata":
        return metadata(params, context);
      case "enrollment":
        return outcomes.tiqrReply(action, enrollment(params, context));
      case "authentication":
        return outcomes.tiqrReply(action, authentication(params, context));
      default:
        throw DomainException.invalid("action", "must be metadata, enrollment or authentication");
    }
  }

  private AppReply metadata(Params params, AppContext context) {
    String session = params.required("session");
    Token token = tiqrToken(params.required("serial"));
    if (!RolloutState.CLIENT_WAIT.equals(token.rolloutState())
        || !sessions.isValid(session, token.serial())) {
      throw new DomainException(Reason.PARAMETER, "Invalid session");
    }
    String base = context.publicBase() + "ttype/tiqr";
    String enrollmentUrl =
        base
            + "?action=enrollment&session="
            + session
            + "&serial="
            + TiqrType.encode(token.serial());
    String displayName = owner(token).map(User::displayName).orElse(token.username().orElse(""));
    var json =
        Jsonp.createObjectBuilder()
            .add(
                "service",
                Jsonp.createObjectBuilder()
                    .add("displayName", settings.serviceName())
                    .add("identifier", settings.serviceIdentifier())
                    .add("logoUrl", settings.logoUrl())
                    .add("infoUrl", settings.infoUrl())
                    .add("authenticationUrl", base)
                    .add("ocraSuite", TiqrType.suiteOf(token).text())
                    .add("enrollmentUrl", enrollmentUrl))
            .add(
                "identity",
                Jsonp.createObjectBuilder()
                    .add("identifier", TiqrIdentity.identifier(token))
                    .add("displayName", displayName))
            .build();
    return AppReply.json(json.toString());
  }

  private AppReply enrollment(Params params, AppContext context) {
    String session = params.required("session");
    Token token = tiqrToken(params.required("serial"));
    byte[] secret = parseSecret(params.required("secret"));
    try {
      if (!RolloutState.CLIENT_WAIT.equals(token.rolloutState())
          || !sessions.consume(session, token.serial())) {
        throw new DomainException(Reason.PARAMETER, "Invalid session");
      }
      tokens.setSealedSecret(token, secrets.sealed(token, secret));
      tokens.setRolloutState(token, RolloutState.ENROLLED);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    audit.write(
        audit
            .entry("tiqr_enrollment", context.origin())
            .user(token.realm().orElse(null), token.username().orElse(null))
            .token(token.serial(), token.type())
            .outcome(true, "OK", null));
    return AppReply.text("OK");
  }

  private AppReply authentication(Params params, AppContext context) {
    Optional<String> sessionKey = params.optional("sessionKey").filter(s -> !s.isEmpty());
    Optional<String> userId = params.optional("userId").filter(s -> !s.isEmpty());
    Optional<String> response = params.optional("response").filter(s -> !s.isEmpty());
    if (sessionKey.isEmpty()
        || userId.isEmpty()
        || response.isEmpty()
        || sessionKey.get().length() > 64) {
      return AppReply.text("INVALID_REQUEST");
    }
    Optional<Challenge> challenge =
        challenges
            .bySessionKey(sessionKey.get())
            .filter(c -> TiqrType.TYPE.equals(c.type()) && !c.answered());
    Optional<Token> found = challenge.flatMap(c -> tokens.bySerial(c.serial()));
    if (found.isEmpty()) {
      return AppReply.text("INVALID_CHALLENGE");
    }
    Token token = found.get();
    var entry =
        audit
            .entry("tiqr_authentication", context.origin())
            .user(token.realm().orElse(null), token.username().orElse(null))
            .token(token.serial(), token.type());
    if (!TiqrIdentity.identifier(token).equals(userId.get())) {
      audit.write(entry.outcome(false, "INVALID_USERID", null));
      return AppReply.text("INVALID_USERID");
    }
    Lockout.State state = lockout.state(token, clock.instant());
    if (!token.usable() || state == Lockout.State.LOCKED) {
      audit.write(
          entry.outcome(false, "ACCOUNT_BLOCKED", token.usable() ? "failcounter exceeded" : null));
      return AppReply.text("ACCOUNT_BLOCKED");
    }
    // Inside the delay the response is not checked: it is a failure like a wrong one, and answered
    // alike.
    if (state == Lockout.State.OPEN && verify(token, challenge.get(), response.get())) {
      boolean won = challenges.markAnswered(challenge.get());
      audit.write(
          entry.outcome(
              won,
              won ? "OK" : "INVALID_CHALLENGE",
              won ? "challenge answered" : "answered twice"));
      return AppReply.text(won ? "OK" : "INVALID_CHALLENGE");
    }
    tokens.recordFailure(java.util.List.of(token));
    Token after = tokens.refreshed(token);
    int left = Math.max(0, after.maxFail() - after.failCount());
    audit.write(
        entry.outcome(
            false,
            "INVALID_RESPONSE",
            state == Lockout.State.OPEN ? "wrong response" : "too soon after failures"));
    return AppReply.text("INVALID_RESPONSE:" + left);
  }

  private boolean verify(Token token, Challenge challenge, String response) {
    Optional<byte[]> seed = secrets.seed(token);
    if (seed.isEmpty()) {
      return false;
    }
    try {
      OcraInput input =
          OcraInput.builder().question(challenge.data()).sessionHex(challenge.sessionKey()).build();
      OcraSuite suite = TiqrType.suiteOf(token);
      return response.length() == suite.digits() && Ocra.verify(suite, seed.get(), input, response);
    } catch (IllegalArgumentException e) {
      return false;
    } finally {
      Arrays.fill(seed.get(), (byte) 0);
    }
  }

  private Token tiqrToken(String serial) {
    return tokens
        .bySerial(serial)
        .filter(t -> TiqrType.TYPE.equals(t.type()))
        .orElseThrow(
            () -> new DomainException(Reason.NOT_FOUND, "The requested token could not be found."));
  }

  private Optional<User> owner(Token token) {
    return token.username().flatMap(u -> users.find(token.realm().orElse(""), u));
  }

  private static byte[] parseSecret(String hex) {
    byte[] secret;
    try {
      secret = HexFormat.of().parseHex(hex.strip());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("secret", "must be hexadecimal");
    }
    if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
      Arrays.fill(secret, (byte) 0);
      throw DomainException.invalid(
          "secret", MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES + " bytes");
    }
    return secret;
  }
}
