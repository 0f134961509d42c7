package org.countersign.token.totp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.countersign.config.Settings;
import org.countersign.token.Token;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.OtpToken;
import org.countersign.token.spi.OtpVerifier;
import org.countersign.token.spi.Parameters;
import org.countersign.token.spi.Provisioning;
import org.countersign.token.spi.Resumable;
import org.countersign.token.spi.Resynchronizer;
import org.countersign.token.spi.TokenType;
import org.countersign.token.spi.TypeEnrolment;

/**
 * TOTP tokens (RFC 6238): the counter is the time step. A check accepts {@code
 * countersign.totp.window} steps either side of the current one; resynchronisation learns a clock
 * shift, kept as {@code timeShift} seconds. A set-up left unfinished can be resumed with the same
 * otpauth URI.
 */
@ApplicationScoped
public class TotpType implements TokenType, OtpVerifier, Resynchronizer, Resumable {

  static final String INFO_TIME_STEP = "timeStep";
  static final String INFO_TIME_SHIFT = "timeShift";

  @Inject OathSettings oath;
  @Inject Settings settings;
  @Inject SecureRandom random;

  @Override
  public String name() {
    return "totp";
  }

  @Override
  public String serialPrefix() {
    return "TOTP";
  }

  @Override
  public TypeEnrolment enrol(Parameters params, EnrolmentContext context) {
    int step =
        Integer.parseInt(
            context
                .policy(OathPolicyActions.TOTP_TIMESTEP)
                .orElseGet(() -> params.oneOf("timeStep", "30", Set.of("30", "60"))));
    OathEnrolment e = OathEnrolment.read(params, random, context, name());
    try {
      String account = context.username().orElse(context.serial());
      String uri = uri(account, e.seed(), e.hash(), e.digits(), step);
      Map<String, String> info = new LinkedHashMap<>();
      info.put(INFO_TIME_STEP, Integer.toString(step));
      info.put(INFO_TIME_SHIFT, "0");
      return e.result(context, info, uri);
    } finally {
      e.clear();
    }
  }

  @Override
  public Provisioning resume(Token token, byte[] seed, String account) {
    int step = Integer.parseInt(token.info().getOrDefault(INFO_TIME_STEP, "30"));
    String uri = uri(account, seed, OathEnrolment.hashOf(token.info()), token.otpLen(), step);
    return new Provisioning.OtpAuth(uri, seed.clone());
  }

  /** The one place that builds a TOTP token's otpauth URI, at enrolment and on resuming. */
  private String uri(String account, byte[] seed, HashAlgorithm hash, int digits, int step) {
    return OtpAuthUri.totp(settings.issuer(), account, seed, hash, digits, step);
  }

  @Override
  public OptionalLong match(OtpToken token, String otp, Instant now) {
    Totp totp = totpOf(token);
    long current = totp.stepAt(now, shiftOf(token));
    int window = oath.totpWindow();
    return CounterSearch.find(totp.hotp(), token, otp, current - window, current + window);
  }

  @Override
  public Optional<Resync> resync(OtpToken token, String otp1, String otp2, Instant now) {
    Totp totp = totpOf(token);
    long current = totp.stepAt(now, 0);
    int window = oath.syncWindow();
    long from = Math.max(current - window, token.lastCounter() + 1);
    for (long c = from; c <= current + window; c++) {
      if (totp.hotp().matches(token.seed(), c, otp1)
          && totp.hotp().matches(token.seed(), c + 1, otp2)) {
        long shift = (c + 1 - current) * totp.stepSeconds();
        return Optional.of(new Resync(c + 1, Map.of(INFO_TIME_SHIFT, Long.toString(shift))));
      }
    }
    return Optional.empty();
  }

  private static Totp totpOf(OtpToken token) {
    int step = Integer.parseInt(token.info().getOrDefault(INFO_TIME_STEP, "30"));
    return new Totp(new Hotp(OathEnrolment.hashOf(token.info()), token.otpLen()), step);
  }

  private static long shiftOf(OtpToken token) {
    try {
      return (long) Double.parseDouble(token.info().getOrDefault(INFO_TIME_SHIFT, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public int countWindow() {
    return 2 * oath.totpWindow() + 1;
  }

  @Override
  public int syncWindow() {
    return oath.syncWindow();
  }
}
