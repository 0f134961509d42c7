package org.countersign.token.totp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.countersign.config.Settings;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.OtpToken;
import org.countersign.token.spi.OtpVerifier;
import org.countersign.token.spi.Parameters;
import org.countersign.token.spi.Resynchronizer;
import org.countersign.token.spi.TokenType;
import org.countersign.token.spi.TypeEnrolment;

/**
 * HOTP tokens (RFC 4226): counter-based codes. A check looks ahead {@code
 * countersign.hotp.lookahead} counters past the last accepted one; the last accepted counter itself
 * is matched too, so that its reuse is recognised as a replay.
 */
@ApplicationScoped
public class HotpType implements TokenType, OtpVerifier, Resynchronizer {

  @Inject OathSettings oath;
  @Inject Settings settings;
  @Inject SecureRandom random;

  @Override
  public String name() {
    return "hotp";
  }

  @Override
  public String serialPrefix() {
    return "OATH";
  }

  @Override
  public TypeEnrolment enrol(Parameters params, EnrolmentContext context) {
    OathEnrolment e = OathEnrolment.read(params, random, context, name());
    try {
      String account = context.username().orElse(context.serial());
      String uri = OtpAuthUri.hotp(settings.issuer(), account, e.seed(), e.hash(), e.digits(), 0);
      return e.result(context, Map.of(), uri);
    } finally {
      e.clear();
    }
  }

  @Override
  public OptionalLong match(OtpToken token, String otp, Instant now) {
    Hotp hotp = hotpOf(token);
    long first = Math.max(0, token.lastCounter());
    long last = token.lastCounter() + oath.hotpLookahead();
    return CounterSearch.find(hotp, token, otp, first, last);
  }

  @Override
  public Optional<Resync> resync(OtpToken token, String otp1, String otp2, Instant now) {
    Hotp hotp = hotpOf(token);
    long from = token.lastCounter() + 1;
    long to = token.lastCounter() + oath.syncWindow();
    for (long c = from; c <= to; c++) {
      if (hotp.matches(token.seed(), c, otp1) && hotp.matches(token.seed(), c + 1, otp2)) {
        return Optional.of(new Resync(c + 1, Map.of()));
      }
    }
    return Optional.empty();
  }

  private static Hotp hotpOf(OtpToken token) {
    return new Hotp(OathEnrolment.hashOf(token.info()), token.otpLen());
  }

  @Override
  public int countWindow() {
    return oath.hotpLookahead();
  }

  @Override
  public int syncWindow() {
    return oath.syncWindow();
  }
}
