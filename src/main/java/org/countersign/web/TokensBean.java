package org.countersign.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import org.countersign.error.DomainException;
import org.countersign.policy.PolicyRefusal;
import org.countersign.token.TokenFilter;
import org.countersign.token.TokenService;

/**
 * "My tokens": the signed-in person's tokens, and disable, enable and delete, each only after a
 * confirmation step. {@link TokenService} applies the ownership rules and writes the audit trail.
 */
@Named("tokens")
@ViewScoped
public class TokensBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** More than anyone holds; the page does not page. */
  private static final int MAX_ROWS = 200;

  /** What a confirmation is asked for. */
  public enum Action {
    DISABLE,
    ENABLE,
    DELETE;

    public String getKey() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An action waiting for the person to confirm it. */
  public record Pending(Action action, String serial) implements Serializable {
    public Action getAction() {
      return action;
    }

    public String getSerial() {
      return serial;
    }
  }

  @Inject TokenService tokens;
  @Inject SignedIn signedIn;

  private List<TokenRow> rows;
  private Pending pending;

  @PostConstruct
  void load() {
    var all = Optional.<String>empty();
    rows =
        tokens
            .list(new TokenFilter(all, all, all, all), 1, MAX_ROWS, signedIn.caller())
            .tokens()
            .stream()
            .map(TokenRow::of)
            .toList();
  }

  public void ask(Action action, String serial) {
    pending = new Pending(action, serial);
  }

  public void cancel() {
    pending = null;
  }

  public void confirm() {
    if (pending == null) {
      return;
    }
    String serial = pending.serial();
    try {
      switch (pending.action()) {
        case DISABLE -> tokens.setActive(serial, false, signedIn.caller());
        case ENABLE -> tokens.setActive(serial, true, signedIn.caller());
        case DELETE -> tokens.delete(serial, signedIn.caller());
      }
      Texts.info("tokens.done." + pending.action().getKey(), serial);
    } catch (PolicyRefusal e) {
      Texts.error("tokens.refused", serial);
    } catch (DomainException e) {
      Texts.error("tokens.notfound", serial);
    }
    pending = null;
    load();
  }

  public List<TokenRow> getRows() {
    return rows;
  }

  public Pending getPending() {
    return pending;
  }

  /** Last use in the page's language, in UTC as stored; a dash when the token was never used. */
  public String lastUse(TokenRow row) {
    return row.lastUsed()
        .map(
            t ->
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(
                            jakarta.faces.context.FacesContext.getCurrentInstance()
                                .getViewRoot()
                                .getLocale())
                        .format(t)
                    + " UTC")
        .orElseGet(() -> Texts.text("tokens.never"));
  }

  /** The type as people know it: {@code TOTP}, {@code TiQR}; unknown types as stored. */
  public String typeName(String type) {
    String name = Texts.text("type." + type);
    return name.equals("type." + type) ? type : name;
  }
}
