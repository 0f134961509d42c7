package org.countersign.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import org.countersign.api.Params;
import org.countersign.auth.Caller;
import org.countersign.challenge.IssuedChallenge;
import org.countersign.config.Settings;
import org.countersign.error.DomainException;
import org.countersign.policy.PolicyRefusal;
import org.countersign.token.EnrolmentService;
import org.countersign.token.RolloutState;
import org.countersign.token.TokenService;
import org.countersign.validate.CheckRequest;
import org.countersign.validate.ValidationService;
import org.countersign.validate.Verdict;

/**
 * Setting up the tiqr app: show the enrolment QR code, watch (by Faces ajax polling of {@link
 * #poll()}) until the app has registered, then offer a test login whose challenge QR code is
 * watched until the app answers it and the transaction is finalised as {@code /validate/check}
 * would.
 */
@Named("tiqr")
@ViewScoped
public class TiqrBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String TYPE = "tiqr";

  /** Where the person is in the set-up. */
  public enum Step {
    INTRO,
    SCAN,
    REGISTERED,
    CHALLENGE,
    DONE
  }

  @Inject EnrolmentService enrolment;
  @Inject TokenService tokens;
  @Inject ValidationService validation;
  @Inject Settings settings;
  @Inject SignedIn signedIn;

  private Step step = Step.INTRO;
  private String description;
  private String serial;
  private String qrValue;
  private String qrDataUri;
  private String transactionId;

  public void start() {
    Params params =
        Params.of(Map.of("type", TYPE, "description", description == null ? "" : description));
    JsonObject detail;
    try {
      detail =
          enrolment.create(
              params, signedIn.caller(), FacesRequests.publicBase(settings.publicUrl()));
    } catch (PolicyRefusal e) {
      Texts.error("setup.refused");
      return;
    } catch (DomainException e) {
      Texts.error("setup.failed");
      return;
    }
    serial = detail.getString("serial");
    signedIn.enrolledHere(serial);
    JsonObject enroll = detail.getJsonObject("tiqrenroll");
    qrValue = enroll.getString("value");
    qrDataUri = enroll.getString("img");
    step = Step.SCAN;
  }

  /**
   * One look at what the page waits for: the app's registration, or its answer to the test
   * challenge.
   */
  public void poll() {
    try {
      if (step == Step.SCAN
          && RolloutState.isUsable(tokens.get(serial, signedIn.caller()).rolloutState())) {
        step = Step.REGISTERED;
        qrValue = null;
        qrDataUri = null;
        Texts.info("tiqr.registered");
      } else if (step == Step.CHALLENGE && validation.answered(transactionId)) {
        finish();
      }
    } catch (DomainException e) {
      step = Step.INTRO;
      Texts.error("tokens.notfound", serial);
    }
  }

  /** Opens a challenge for the new token, as a login would. */
  public void testLogin() {
    Caller caller = signedIn.caller();
    CheckRequest target =
        new CheckRequest(
            Optional.of(caller.username()),
            Optional.of(caller.realm()),
            Optional.of(serial),
            "",
            Optional.empty());
    Optional<Verdict.Challenged> opened = validation.trigger(target, caller.origin());
    Optional<IssuedChallenge> challenge =
        opened.stream()
            .flatMap(c -> c.challenges().stream())
            .filter(c -> serial.equals(c.serial()))
            .findFirst();
    if (challenge.isEmpty()) {
      Texts.error("tiqr.nochallenge");
      return;
    }
    transactionId = opened.get().transactionId();
    qrValue = challenge.get().attributes().getString("value");
    qrDataUri = challenge.get().image();
    step = Step.CHALLENGE;
  }

  private void finish() {
    Caller caller = signedIn.caller();
    CheckRequest answer =
        new CheckRequest(
            Optional.of(caller.username()),
            Optional.of(caller.realm()),
            Optional.of(serial),
            "",
            Optional.of(transactionId));
    Verdict verdict = validation.check(answer, caller.origin());
    transactionId = null;
    qrValue = null;
    qrDataUri = null;
    if (verdict instanceof Verdict.Accepted) {
      step = Step.DONE;
      Texts.info("tiqr.done", serial);
    } else {
      step = Step.REGISTERED;
      Texts.error("tiqr.failed");
    }
  }

  /** Discards a token whose app never registered, and begins again. */
  public void startOver() {
    if (serial != null) {
      try {
        tokens.delete(serial, signedIn.caller());
      } catch (DomainException e) {
        // Deleted meanwhile: nothing left to discard.
      }
    }
    serial = null;
    start();
  }

  public boolean isWaiting() {
    return step == Step.SCAN || step == Step.CHALLENGE;
  }

  public Step getStep() {
    return step;
  }

  public String getSerial() {
    return serial;
  }

  public String getQrValue() {
    return qrValue;
  }

  public String getQrDataUri() {
    return qrDataUri;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
