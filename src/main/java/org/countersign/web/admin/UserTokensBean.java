package org.countersign.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.countersign.error.DomainException;
import org.countersign.token.TokenFilter;
import org.countersign.token.TokenService;
import org.countersign.web.Texts;

/**
 * "Tokens": a user's tokens, or the token of a serial, and what an administrator may do with each:
 * enable, disable and reset the fail counter at once; set the PIN, resynchronise and delete in a
 * step of their own. Every action goes through {@link TokenService}, as the REST API's, which
 * writes the audit trail naming the administrator.
 */
@Named("adminTokens")
@ViewScoped
public class UserTokensBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int MAX_ROWS = 200;

  /** The actions that take a step of their own. */
  public enum Step {
    SETPIN,
    RESYNC,
    DELETE;

    public String getKey() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** An action waiting for its input or confirmation. */
  public record Pending(Step step, String serial) implements Serializable {
    public Step getStep() {
      return step;
    }

    public String getSerial() {
      return serial;
    }
  }

  @Inject TokenService tokens;
  @Inject Realms realms;
  @Inject AdminSession admin;

  private String realm;
  private String user;
  private String serial;
  private List<AdminTokenRow> rows = List.of();
  private Pending pending;
  private String pin;
  private String otp1;
  private String otp2;

  /** Run by the page on every GET, with the user or serial of the address. */
  public void load() {
    realm = realms.orDefault(realm);
    if (serial != null && !serial.isBlank()) {
      serial = serial.strip();
      rows = findSerial(serial).stream().toList();
    } else if (user != null && !user.isBlank()) {
      var none = Optional.<String>empty();
      rows =
          tokens
              .list(
                  new TokenFilter(none, none, Optional.of(user.strip()), Optional.of(realm)),
                  1,
                  MAX_ROWS,
                  admin.caller())
              .tokens()
              .stream()
              .map(AdminTokenRow::of)
              .toList();
    } else {
      rows = List.of();
    }
  }

  private Optional<AdminTokenRow> findSerial(String s) {
    try {
      return Optional.of(AdminTokenRow.of(tokens.get(s, admin.caller())));
    } catch (DomainException e) {
      return Optional.empty();
    }
  }

  /** The serial search of the page: shows that token, whoever owns it. */
  public String find() {
    user = null;
    load();
    if (rows.isEmpty()) {
      Texts.error("admin.tokens.serial.notfound", serial);
    }
    return null;
  }

  public void enable(String s) {
    act(s, "enable", () -> tokens.setActive(s, true, admin.caller()));
  }

  public void disable(String s) {
    act(s, "disable", () -> tokens.setActive(s, false, admin.caller()));
  }

  public void reset(String s) {
    act(s, "reset", () -> tokens.reset(s, admin.caller()));
  }

  public void ask(Step step, String s) {
    pending = new Pending(step, s);
    pin = null;
    otp1 = null;
    otp2 = null;
  }

  public void cancel() {
    pending = null;
  }

  public void confirm() {
    if (pending == null) {
      return;
    }
    String s = pending.serial();
    switch (pending.step()) {
      case SETPIN ->
          act(s, "setpin", () -> tokens.setPin(s, pin == null ? "" : pin, admin.caller()));
      case RESYNC -> resync(s);
      case DELETE -> act(s, "delete", () -> tokens.delete(s, admin.caller()));
    }
    pending = null;
    pin = null;
    otp1 = null;
    otp2 = null;
  }

  private void resync(String s) {
    String a = otp1 == null ? "" : otp1.replaceAll("\\s", "");
    String b = otp2 == null ? "" : otp2.replaceAll("\\s", "");
    act(s, "resync", () -> tokens.resync(s, a, b, admin.caller()));
  }

  /** Carries out one action; 0 from the service means it did not take (resync found no codes). */
  private void act(String s, String key, Action action) {
    try {
      if (action.run() == 1) {
        Texts.info("admin.tokens.done." + key, s);
      } else {
        Texts.error("admin.tokens.failed." + key, s);
      }
    } catch (DomainException e) {
      Texts.error("admin.tokens.refused", s, e.getMessage());
    }
    load();
  }

  @FunctionalInterface
  private interface Action {
    int run();
  }

  public List<AdminTokenRow> getRows() {
    return rows;
  }

  public Pending getPending() {
    return pending;
  }

  public boolean isBySerial() {
    return serial != null && !serial.isBlank();
  }

  public String getRealm() {
    return realm;
  }

  public void setRealm(String realm) {
    this.realm = realm;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getSerial() {
    return serial;
  }

  public void setSerial(String serial) {
    this.serial = serial;
  }

  public String getPin() {
    return pin;
  }

  public void setPin(String pin) {
    this.pin = pin;
  }

  public String getOtp1() {
    return otp1;
  }

  public void setOtp1(String otp1) {
    this.otp1 = otp1;
  }

  public String getOtp2() {
    return otp2;
  }

  public void setOtp2(String otp2) {
    this.otp2 = otp2;
  }
}
