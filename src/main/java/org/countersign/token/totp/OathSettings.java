package org.countersign.token.totp;

import org.countersign.config.Configuration;
import org.countersign.config.ReadAtStart;

/** Settings of the OATH token types (TOTP and HOTP), read once at start-up. */
public record OathSettings(int totpWindow, int hotpLookahead, int syncWindow)
    implements ReadAtStart {

  /** Time steps accepted either side of the current one for TOTP. Default 1, at most 10. */
  public static final String TOTP_WINDOW = "countersign.totp.window";

  /** Counters an HOTP check looks ahead of the last accepted one. Default 10, at most 100. */
  public static final String HOTP_LOOKAHEAD = "countersign.hotp.lookahead";

  /** How far resynchronisation searches, in counters (HOTP) or time steps (TOTP). Default 1000. */
  public static final String SYNC_WINDOW = "countersign.sync.window";

  /** Reads and validates the OATH settings; the message of a failure names the key. */
  public static OathSettings from(Configuration c) {
    return new OathSettings(
        c.integer(TOTP_WINDOW, 1, 0, 10),
        c.integer(HOTP_LOOKAHEAD, 10, 1, 100),
        c.integer(SYNC_WINDOW, 1000, 2, 10_000));
  }
}
