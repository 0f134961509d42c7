package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;

/**
 * Checks given serials and makes new ones: the type's prefix and eight random hex digits, such as
 * TOTP0A1B2C3D.
 */
@ApplicationScoped
public class SerialNumbers {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

  @Inject SecureRandom random;
  @Inject TokenRepository tokens;

  public static boolean isValid(String serial) {
    return VALID.matcher(serial).matches();
  }

  /** A serial nobody uses yet. */
  public String fresh(String prefix) {
    for (int attempt = 0; attempt < 20; attempt++) {
      byte[] b = new byte[4];
      random.nextBytes(b);
      String serial = prefix + HexFormat.of().withUpperCase().formatHex(b);
      if (tokens.bySerial(serial).isEmpty()) {
        return serial;
      }
    }
    throw new IllegalStateException("No free serial found");
  }

  /** A given serial, checked for form and uniqueness. */
  public String chosen(String serial) {
    if (!isValid(serial)) {
      throw DomainException.invalid("serial", "1 to 40 letters, digits or . _ -");
    }
    if (tokens.bySerial(serial).isPresent()) {
      throw new DomainException(
          Reason.TOKEN_ADMIN, "A token with serial '" + serial + "' already exists.");
    }
    return serial;
  }
}
