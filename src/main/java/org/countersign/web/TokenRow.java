package org.countersign.web;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Optional;
import org.countersign.token.RolloutState;
import org.countersign.token.Token;

/** One line of "My tokens": what the page shows of a token, and what may be done with it. */
public record TokenRow(
    String serial,
    String type,
    String description,
    State state,
    LocalDateTime lastUse,
    boolean active)
    implements Serializable {

  /** The states a person can tell apart, in the words of the {@code state.*} texts. */
  public enum State {
    ACTIVE,
    DISABLED,
    LOCKED,
    AWAITING_CONFIRMATION,
    AWAITING_APP;

    public String getKey() {
      return "state." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static TokenRow of(Token t) {
    return new TokenRow(
        t.serial(), t.type(), t.description(), stateOf(t), t.lastUsedAt().orElse(null), t.active());
  }

  private static State stateOf(Token t) {
    if (t.rolloutState() == RolloutState.VERIFY) {
      return State.AWAITING_CONFIRMATION;
    }
    if (t.rolloutState() == RolloutState.CLIENT_WAIT) {
      return State.AWAITING_APP;
    }
    if (t.locked()) {
      return State.LOCKED;
    }
    return t.active() ? State.ACTIVE : State.DISABLED;
  }

  public Optional<LocalDateTime> lastUsed() {
    return Optional.ofNullable(lastUse);
  }

  // Getters in bean style for Expression Language.

  public String getSerial() {
    return serial;
  }

  public String getType() {
    return type;
  }

  public String getDescription() {
    return description;
  }

  public State getState() {
    return state;
  }

  public boolean isActive() {
    return active;
  }

  /** Whether the authenticator-app set-up of this token can be continued on its page. */
  public boolean isResumable() {
    return state == State.AWAITING_CONFIRMATION && TotpBean.TYPE.equals(type);
  }
}
