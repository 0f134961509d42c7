package org.countersign.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.countersign.config.Settings;
import org.countersign.crypto.KeyRing;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;

/**
 * Issues and checks the API's JWTs: HS256 under a key derived from the master key file, with the
 * claims privacyIDEA clients read ({@code username}, {@code realm}, {@code role}, {@code exp}) and
 * {@code authtype}, which says whether the session was opened with a second factor.
 */
@ApplicationScoped
public class JwtService {

  @Inject KeyRing keys;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject SecureRandom random;

  public Issued issue(
      String username, String realm, Role role, AuthType authType, List<String> rights) {
    Instant now = clock.instant();
    Instant expires = now.plusSeconds(settings.jwtLifetimeSeconds());
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim("username", username)
            .claim("realm", realm)
            .claim("role", role.wireName())
            .claim("authtype", authType.claim())
            .claim("rights", rights)
            .jwtID(HexFormat.of().formatHex(nonce))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(keys.signingKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a JWT", e);
    }
    return new Issued(jwt.serialize(), expires);
  }

  /**
   * The claims of a valid, unexpired token; 401 with code 4031 (invalid) or 4305 (expired)
   * otherwise.
   */
  public Claims verify(String token, String client) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new MACVerifier(keys.signingKey()))) {
        throw invalid();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date exp = claims.getExpirationTime();
      if (exp == null) {
        throw invalid();
      }
      if (!exp.toInstant().isAfter(clock.instant())) {
        throw new DomainException(
            Reason.EXPIRED, "Authentication failure. Your token has expired.");
      }
      String username = claims.getStringClaim("username");
      String realm = claims.getStringClaim("realm");
      String role = claims.getStringClaim("role");
      if (username == null || realm == null || role == null) {
        throw invalid();
      }
      return new Claims(
          username,
          realm,
          Role.fromWire(role),
          AuthType.fromClaim(claims.getStringClaim("authtype")));
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static DomainException invalid() {
    return new DomainException(Reason.WRONG_CREDENTIALS, "Authentication failure. Invalid JWT.");
  }

  /** A signed token and its expiry. */
  public record Issued(String token, Instant expires) {
    @Override
    public String toString() {
      return "Issued[expires " + expires + "]";
    }
  }

  /** The identity inside a verified token. */
  public record Claims(String username, String realm, Role role, AuthType authType) {}
}
