package org.countersign.token.tiqr;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.countersign.policy.ActionProvider;
import org.countersign.policy.ActionSpec;
import org.countersign.policy.Scope;

/**
 * The enrollment policy action of TiQR: {@code tiqr_ocrasuite} sets the OCRA suite of new tokens
 * (instead of {@code countersign.tiqr.ocra.suite}); only suites the tiqr app computes are accepted.
 */
@ApplicationScoped
public class TiqrPolicyActions implements ActionProvider {

  static final String OCRA_SUITE = "tiqr_ocrasuite";

  @Override
  public Collection<ActionSpec> actions() {
    return List.of(
        new ActionSpec(
            Scope.ENROLLMENT,
            OCRA_SUITE,
            ActionSpec.Kind.SINGLE,
            TiqrSettings::isAppSuite,
            "an OCRA suite with questions and a session, such as OCRA-1:HOTP-SHA256-8:QN10-S"));
  }
}
