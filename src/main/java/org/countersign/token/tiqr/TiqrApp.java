package org.countersign.token.tiqr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.countersign.audit.AuditLog;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.countersign.json.Jsonp;
import org.countersign.token.EnrolmentSessions;
import org.countersign.token.RolloutState;
import org.countersign.token.Token;
import org.countersign.token.TokenRepository;
import org.countersign.token.TokenSecrets;
import org.countersign.token.spi.AppEndpoint.AppContext;
import org.countersign.token.spi.AppEndpoint.AppReply;
import org.countersign.token.spi.ChallengeAnswers;
import org.countersign.token.spi.Parameters;
import org.countersign.user.User;
import org.countersign.user.UserStore;

/**
 * The tiqr app protocol at {@code /ttype/tiqr}: {@code action=metadata} (raw JSON), {@code
 * action=enrollment} ({@code OK}) and the login answer (no action; plain-text replies {@code OK},
 * {@code INVALID_RESPONSE:<n>}, {@code INVALID_CHALLENGE}, {@code INVALID_USERID}, {@code
 * INVALID_REQUEST}, {@code ACCOUNT_BLOCKED}). Whether a login answer authenticates is the core's
 * decision ({@link ChallengeAnswers}), as for a typed code; this class speaks the app's protocol.
 */
@ApplicationScoped
public class TiqrApp {

  static final int MIN_SECRET_BYTES = 20;
  static final int MAX_SECRET_BYTES = 64;

  @Inject TiqrSettings settings;
  @Inject EnrolmentSessions sessions;
  @Inject ChallengeAnswers answers;
  @Inject TokenRepository tokens;
  @Inject TokenSecrets secrets;
  @Inject UserStore users;
  @Inject AuditLog audit;
  @Inject org.countersign.ops.Outcomes outcomes;

  @Transactional(dontRollbackOn = DomainException.class)
  public AppReply handle(Parameters params, AppContext context) {
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

  private AppReply metadata(Parameters params, AppContext context) {
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

  private AppReply enrollment(Parameters params, AppContext context) {
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

  private AppReply authentication(Parameters params, AppContext context) {
    Optional<String> sessionKey = params.optional("sessionKey").filter(s -> !s.isEmpty());
    Optional<String> userId = params.optional("userId").filter(s -> !s.isEmpty());
    Optional<String> response = params.optional("response").filter(s -> !s.isEmpty());
    if (sessionKey.isEmpty()
        || userId.isEmpty()
        || response.isEmpty()
        || sessionKey.get().length() > 64) {
      return AppReply.text("INVALID_REQUEST");
    }
    Optional<ChallengeAnswers.Open> open = answers.open(TiqrType.TYPE, sessionKey.get());
    if (open.isEmpty()) {
      return AppReply.text("INVALID_CHALLENGE");
    }
    Token token = open.get().token();
    if (!TiqrIdentity.identifier(token).equals(userId.get())) {
      audit.write(
          audit
              .entry("tiqr_authentication", context.origin())
              .user(token.realm().orElse(null), token.username().orElse(null))
              .token(token.serial(), token.type())
              .outcome(false, "INVALID_USERID", null));
      return AppReply.text("INVALID_USERID");
    }
    ChallengeAnswers.Outcome outcome = answers.answer(open.get(), response.get(), context.origin());
    return AppReply.text(
        switch (outcome.kind()) {
          case ACCEPTED -> "OK";
          case ALREADY_ANSWERED -> "INVALID_CHALLENGE";
          case BLOCKED -> "ACCOUNT_BLOCKED";
          case REJECTED -> "INVALID_RESPONSE:" + outcome.attemptsLeft();
        });
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
