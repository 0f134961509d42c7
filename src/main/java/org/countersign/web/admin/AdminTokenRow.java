package org.countersign.web.admin;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Locale;
import org.countersign.token.RolloutState;
import org.countersign.token.Token;

/** One line of a user's tokens on the operators' pages. */
public record AdminTokenRow(
    String serial,
    String type,
    String description,
    String owner,
    String realm,
    String stateKey,
    int failCount,
    int maxFail,
    LocalDateTime lastUse,
    boolean active)
    implements Serializable {

  static AdminTokenRow of(Token t) {
    return new AdminTokenRow(
        t.serial(),
        t.type(),
        t.description(),
        t.username().orElse(""),
        t.realm().orElse(""),
        stateOf(t),
        t.failCount(),
        t.maxFail(),
        t.lastUsedAt().orElse(null),
        t.active());
  }

  /** The key of the {@code state.*} text, as on the self-service pages. */
  private static String stateOf(Token t) {
    String state;
    if (RolloutState.VERIFY.equals(t.rolloutState())) {
      state = "awaiting_confirmation";
    } else if (RolloutState.CLIENT_WAIT.equals(t.rolloutState())) {
      state = "awaiting_app";
    } else if (t.locked()) {
      state = "locked";
    } else {
      state = t.active() ? "active" : "disabled";
    }
    return "state." + state.toLowerCase(Locale.ROOT);
  }

  public String getSerial() {
    return serial;
  }

  public String getType() {
    return type;
  }

  public String getDescription() {
    return description;
  }

  public String getOwner() {
    return owner;
  }

  public String getRealm() {
    return realm;
  }

  public String getStateKey() {
    return stateKey;
  }

  public String getBadge() {
    return stateKey.replace('.', '-');
  }

  public int getFailCount() {
    return failCount;
  }

  public int getMaxFail() {
    return maxFail;
  }

  public LocalDateTime getLastUse() {
    return lastUse;
  }

  public boolean isActive() {
    return active;
  }
}
