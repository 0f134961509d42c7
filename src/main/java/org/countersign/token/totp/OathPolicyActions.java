package org.countersign.token.totp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.countersign.policy.ActionProvider;
import org.countersign.policy.ActionSpec;
import org.countersign.policy.Scope;

/**
 * The enrollment policy actions of HOTP and TOTP, in privacyIDEA's names: {@code hotp_otplen},
 * {@code hotp_hashlib}, {@code totp_otplen}, {@code totp_hashlib} and {@code totp_timestep} force
 * those parameters of new tokens.
 */
@ApplicationScoped
public class OathPolicyActions implements ActionProvider {

  static final String OTPLEN = "otplen";
  static final String HASHLIB = "hashlib";
  static final String TOTP_TIMESTEP = "totp_timestep";

  private static final List<String> LENGTHS = List.of("6", "8");
  private static final List<String> HASHES = List.of("sha1", "sha256", "sha512");

  @Override
  public Collection<ActionSpec> actions() {
    return List.of(
        ActionSpec.oneOf(Scope.ENROLLMENT, "hotp_" + OTPLEN, LENGTHS),
        ActionSpec.oneOf(Scope.ENROLLMENT, "hotp_" + HASHLIB, HASHES),
        ActionSpec.oneOf(Scope.ENROLLMENT, "totp_" + OTPLEN, LENGTHS),
        ActionSpec.oneOf(Scope.ENROLLMENT, "totp_" + HASHLIB, HASHES),
        ActionSpec.oneOf(Scope.ENROLLMENT, TOTP_TIMESTEP, List.of("30", "60")));
  }
}
