package org.countersign.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.EnrolmentContext;
import org.countersign.token.spi.OtpToken;
import org.countersign.token.spi.OtpVerifier;
import org.countersign.token.spi.Parameters;
import org.countersign.token.spi.TokenType;
import org.countersign.token.spi.TypeEnrolment;
import org.junit.jupiter.api.Test;

class EnrolTokenBeanTest {

  private static class AppOnly implements TokenType {
    private final String name;

    AppOnly(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String serialPrefix() {
      return "X";
    }

    @Override
    public TypeEnrolment enrol(Parameters params, EnrolmentContext context) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class WithCodes extends AppOnly implements OtpVerifier {
    WithCodes(String name) {
      super(name);
    }

    @Override
    public OptionalLong match(OtpToken token, String otp, Instant now) {
      return OptionalLong.empty();
    }

    @Override
    public int countWindow() {
      return 1;
    }
  }

  @Test
  void offersOnlyTheRegisteredTypesWhoseCodesAreTyped() {
    EnrolTokenBean bean = new EnrolTokenBean();
    bean.types = TokenTypes.of(new WithCodes("beta"), new AppOnly("app"), new WithCodes("alpha"));
    assertEquals(List.of("alpha", "beta"), bean.getTypes());
  }
}
