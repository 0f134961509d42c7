package org.countersign.token.tiqr;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.config.Configuration;

/**
 * Settings of the TiQR token type, read once at start-up; an invalid OCRA suite stops the start-up.
 */
@ApplicationScoped
public class TiqrSettings {

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

  private String serviceIdentifier;
  private String serviceName;
  private String logoUrl;
  private String infoUrl;
  private int enrolmentValiditySeconds;
  private OcraSuite suite;

  @PostConstruct
  void read() {
    Configuration c = Configuration.current();
    serviceIdentifier = c.string(SERVICE_IDENTIFIER, "org.countersign");
    serviceName = c.string(SERVICE_NAME, "Countersign");
    logoUrl = c.string(LOGO_URL, "");
    infoUrl = c.string(INFO_URL, "");
    enrolmentValiditySeconds = c.integer(ENROLMENT_VALIDITY, 300, 10, 86_400);
    try {
      suite = OcraSuite.parse(c.string(OCRA_SUITE, DEFAULT_SUITE));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Configuration '" + OCRA_SUITE + "': " + e.getMessage());
    }
    if (!forTheApp(suite)) {
      throw new IllegalStateException(
          "Configuration '"
              + OCRA_SUITE
              + "': the tiqr app supports only question and session suites.");
    }
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

  public String serviceIdentifier() {
    return serviceIdentifier;
  }

  public String serviceName() {
    return serviceName;
  }

  public String logoUrl() {
    return logoUrl;
  }

  public String infoUrl() {
    return infoUrl;
  }

  public int enrolmentValiditySeconds() {
    return enrolmentValiditySeconds;
  }

  public OcraSuite suite() {
    return suite;
  }
}
