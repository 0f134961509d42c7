package org.countersign.token.tiqr;

import org.countersign.config.Configuration;
import org.countersign.config.ReadAtStart;

/**
 * Settings of the TiQR token type, read once at start-up; an invalid OCRA suite stops the start-up.
 */
public record TiqrSettings(
    String serviceIdentifier,
    String serviceName,
    String logoUrl,
    String infoUrl,
    int enrolmentValiditySeconds,
    OcraSuite suite)
    implements ReadAtStart {

  /** Reverse-domain identifier of this service in the app, such as {@code org.example.mfa}. */
  public static final String SERVICE_IDENTIFIER = "countersign.tiqr.service.identifier";

  /** Name the app shows for this service. Default {@code Countersign}. */
  public static final String SERVICE_NAME = "countersign.tiqr.service.name";

  /** Logo the app shows (an https URL). */
  public static final String LOGO_URL = "countersign.tiqr.logo.url";

  /** Page the app links to for information about this service. */
  public static final String INFO_URL = "countersign.tiqr.info.url";

  /** Seconds an enrolment QR code stays valid. Default 300. */
  public static final String ENROLMENT_VALIDITY = "countersign.tiqr.enrolment.validity";

  /** OCRA suite of new tokens. Default {@code OCRA-1:HOTP-SHA1-6:QH10-S}. */
  public static final String OCRA_SUITE = "countersign.tiqr.ocra.suite";

  static final String DEFAULT_SUITE = "OCRA-1:HOTP-SHA1-6:QH10-S";

  /** Reads and validates the TiQR settings; the message of a failure names the key. */
  public static TiqrSettings from(Configuration c) {
    return new TiqrSettings(
        c.string(SERVICE_IDENTIFIER, "org.countersign"),
        c.string(SERVICE_NAME, "Countersign"),
        c.string(LOGO_URL, ""),
        c.string(INFO_URL, ""),
        c.integer(ENROLMENT_VALIDITY, 300, 10, 86_400),
        suite(c.string(OCRA_SUITE, DEFAULT_SUITE)));
  }

  private static OcraSuite suite(String text) {
    OcraSuite suite;
    try {
      suite = OcraSuite.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Configuration '" + OCRA_SUITE + "': " + e.getMessage());
    }
    if (!forTheApp(suite)) {
      throw new IllegalStateException(
          "Configuration '"
              + OCRA_SUITE
              + "': the tiqr app supports only question and session suites.");
    }
    return suite;
  }

  /**
   * Whether the tiqr app can compute this suite: questions and a session, no counter, PIN or time.
   */
  static boolean forTheApp(OcraSuite suite) {
    return !suite.usesCounter() && !suite.usesPin() && suite.timeStepSeconds() == 0;
  }

  /** Whether the text is an OCRA suite the tiqr app can compute. */
  static boolean isAppSuite(String text) {
    try {
      return forTheApp(OcraSuite.parse(text));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
