package org.countersign.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.Flash;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countersign.config.Settings;
import org.countersign.error.DomainException;
import org.countersign.token.Enrolment;
import org.countersign.token.EnrolmentRequest;
import org.countersign.token.EnrolmentService;
import org.countersign.token.TokenTypes;
import org.countersign.token.spi.OtpVerifier;
import org.countersign.token.spi.Provisioning;
import org.countersign.web.FacesRequests;
import org.countersign.web.PageParameters;
import org.countersign.web.Texts;
import org.countersign.web.TotpProvisioning;

/**
 * "Enrol a token" on a user's tokens: a token of any registered type that takes typed codes,
 * created through {@link EnrolmentService} as the administrator (the same checks and audit row as
 * {@code /token/init}). Its QR code and secret travel to the next page in the flash only, so they
 * are shown once: a reload or the back button finds nothing to show.
 */
@Named("adminEnrol")
@RequestScoped
public class EnrolTokenBean {

  /** The flash key of what the page after the enrolment shows once. */
  static final String SHOWN_ONCE = "adminEnrolled";

  @Inject EnrolmentService enrolment;
  @Inject TokenTypes types;
  @Inject Settings settings;
  @Inject AdminSession admin;

  private String type;
  private String description;
  private String pin;

  /** The types an administrator can enrol here, by name: those whose codes a person types. */
  public List<String> getTypes() {
    return types.all().stream()
        .filter(t -> types.capability(t.name(), OtpVerifier.class).isPresent())
        .map(t -> t.name())
        .toList();
  }

  /** Creates the token for {@code user} in {@code realm}, then shows the user's tokens again. */
  public String enrol(String realm, String user) {
    EnrolmentRequest request =
        new EnrolmentRequest(
            Optional.ofNullable(type),
            Optional.empty(),
            Optional.of(user),
            Optional.ofNullable(realm),
            description == null ? "" : description.strip(),
            pin == null ? "" : pin,
            PageParameters.of(Map.of("genkey", "1")));
    pin = null;
    Enrolment created;
    try {
      created =
          enrolment.create(request, admin.caller(), FacesRequests.publicBase(settings.publicUrl()));
    } catch (DomainException e) {
      Texts.error("admin.enrol.refused", e.getMessage());
      return null;
    }
    Flash flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
    flash.setKeepMessages(true);
    Optional<Provisioning> shown = created.provisioning();
    if (shown.isPresent() && shown.get() instanceof Provisioning.OtpAuth) {
      flash.put(SHOWN_ONCE, TotpProvisioning.of(created.serial(), shown.get()));
    }
    Texts.info("admin.enrol.done", created.serial());
    return "/admin/tokens?faces-redirect=true&includeViewParams=true";
  }

  /** What the page shows once after an enrolment of the previous request, if any. */
  public TotpProvisioning getShown() {
    Object value =
        FacesContext.getCurrentInstance().getExternalContext().getFlash().get(SHOWN_ONCE);
    return value instanceof TotpProvisioning p ? p : null;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getPin() {
    return pin;
  }

  public void setPin(String pin) {
    this.pin = pin;
  }
}
