package org.countersign.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import org.countersign.api.Params;
import org.countersign.auth.Caller;
import org.countersign.config.Settings;
import org.countersign.error.DomainException;
import org.countersign.policy.PolicyRefusal;
import org.countersign.token.EnrolmentService;
import org.countersign.token.Token;
import org.countersign.token.TokenService;

/**
 * Setting up an authenticator app (TOTP). The token is created waiting for its first code and
 * becomes usable only when {@link EnrolmentService#confirm} accepts the code the person types.
 * Coming back within {@link WebSettings#RESUME_MINUTES} shows the same secret again; "start over"
 * deletes the waiting token and makes a new one.
 */
@Named("totp")
@ViewScoped
public class TotpBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String TYPE = "totp";

  /** Where the person is in the set-up. */
  public enum Step {
    INTRO,
    SCAN,
    DONE
  }

  @Inject EnrolmentService enrolment;
  @Inject TokenService tokens;
  @Inject Settings settings;
  @Inject WebSettings webSettings;
  @Inject SignedIn signedIn;

  private Step step = Step.INTRO;
  private TotpProvisioning provisioning;
  private String description;
  private String code;
  private boolean resumed;
  private String doneSerial;

  @PostConstruct
  void resumeUnfinished() {
    Caller caller = signedIn.caller();
    Optional<Token> waiting = enrolment.unconfirmed(TYPE, webSettings.resumeWindow(), caller);
    if (waiting.isPresent()) {
      Token token = waiting.get();
      byte[] seed = enrolment.reopenSeed(token.serial(), caller);
      provisioning = TotpProvisioning.resumed(token, seed, settings.issuer(), caller.username());
      resumed = true;
      step = Step.SCAN;
    }
  }

  public void start() {
    Caller caller = signedIn.caller();
    Params params =
        Params.of(
            Map.of(
                "type",
                TYPE,
                "genkey",
                "1",
                "description",
                description == null ? "" : description));
    JsonObject detail;
    try {
      detail =
          enrolment.createUnconfirmed(
              params, caller, FacesRequests.publicBase(settings.publicUrl()));
    } catch (PolicyRefusal e) {
      Texts.error("setup.refused");
      return;
    } catch (DomainException e) {
      Texts.error("setup.failed");
      return;
    }
    JsonObject url = detail.getJsonObject("googleurl");
    provisioning =
        TotpProvisioning.fromEnrolment(
            detail.getString("serial"),
            url.getString("value"),
            url.getString("img"),
            detail.getJsonObject("otpkey").getString("value_b32"));
    resumed = false;
    code = null;
    step = Step.SCAN;
  }

  /** Discards the waiting token and its secret, and begins again with a new one. */
  public void startOver() {
    if (provisioning != null) {
      try {
        tokens.delete(provisioning.serial(), signedIn.caller());
      } catch (DomainException e) {
        // Deleted meanwhile, for example from "My tokens": nothing left to discard.
      }
    }
    provisioning = null;
    start();
    Texts.info("totp.restarted");
  }

  public void confirm() {
    String typed = code == null ? "" : code.replaceAll("\\s", "");
    code = null;
    try {
      enrolment.confirm(
          Params.of(Map.of("serial", provisioning.serial(), "verify", typed)), signedIn.caller());
    } catch (DomainException e) {
      Texts.error("totp.wrongcode");
      return;
    }
    doneSerial = provisioning.serial();
    signedIn.enrolledHere(doneSerial);
    provisioning = null;
    step = Step.DONE;
    Texts.info("totp.done", doneSerial);
  }

  public Step getStep() {
    return step;
  }

  public TotpProvisioning getProvisioning() {
    return provisioning;
  }

  public boolean isResumed() {
    return resumed;
  }

  public long getResumeMinutes() {
    return webSettings.resumeWindow().toMinutes();
  }

  public String getDoneSerial() {
    return doneSerial;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
