package org.countersign.token.totp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.config.Configuration;

/** Settings of the OATH token types (TOTP and HOTP), read once at start-up. */
@ApplicationScoped
public class OathSettings {

  /** Time steps accepted either side of the current one for TOTP. Default 1, at most 10. */
  public static final String TOTP_WINDOW = "countersign.totp.window";

  /** Counters an HOTP check looks ahead of the last accepted one. Default 10, at most 100. */
  public static final String HOTP_LOOKAHEAD = "countersign.hotp.lookahead";

  /** How far resynchronisation searches, in counters (HOTP) or time steps (TOTP). Default 1000. */
  public static final String SYNC_WINDOW = "countersign.sync.window";

  private int totpWindow;
  private int hotpLookahead;
  private int syncWindow;

  @PostConstruct
  void read() {
    Configuration c = Configuration.current();
    totpWindow = c.integer(TOTP_WINDOW, 1, 0, 10);
    hotpLookahead = c.integer(HOTP_LOOKAHEAD, 10, 1, 100);
    syncWindow = c.integer(SYNC_WINDOW, 1000, 2, 10_000);
  }

  public int totpWindow() {
    return totpWindow;
  }

  public int hotpLookahead() {
    return hotpLookahead;
  }

  public int syncWindow() {
    return syncWindow;
  }
}
