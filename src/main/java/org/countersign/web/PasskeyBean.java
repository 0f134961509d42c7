package org.countersign.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.countersign.config.Settings;
import org.countersign.error.DomainException;
import org.countersign.policy.PolicyRefusal;
import org.countersign.token.Enrolment;
import org.countersign.token.EnrolmentCompletions;
import org.countersign.token.EnrolmentRequest;
import org.countersign.token.EnrolmentService;
import org.countersign.token.TokenService;
import org.countersign.token.spi.Provisioning;

/**
 * Adding a passkey: the server creates a waiting token and WebAuthn's creation options; the page's
 * script ({@code js/passkey.js}) hands them to {@code navigator.credentials.create} and posts the
 * new credential back in hidden fields, which complete the enrolment as the second {@code
 * /token/init} would.
 */
@Named("passkey")
@ViewScoped
public class PasskeyBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String TYPE = "passkey";

  /** Where the person is in the set-up. */
  public enum Step {
    INTRO,
    CREATE,
    DONE
  }

  @Inject EnrolmentService enrolment;
  @Inject EnrolmentCompletions completions;
  @Inject TokenService tokens;
  @Inject Settings settings;
  @Inject SignedIn signedIn;

  private Step step = Step.INTRO;
  private String description;
  private String serial;
  private String transactionId;
  private String options;
  private final Map<String, String> answer = new java.util.HashMap<>();

  /** Creates the waiting token and the options the browser creates the credential with. */
  public void start() {
    Enrolment created;
    try {
      created =
          enrolment.create(
              EnrolmentRequest.own(TYPE, description, PageParameters.of(Map.of())),
              signedIn.caller(),
              FacesRequests.publicBase(settings.publicUrl()));
    } catch (PolicyRefusal e) {
      Texts.error("setup.refused");
      return;
    } catch (DomainException e) {
      Texts.error("setup.failed");
      return;
    }
    if (!(created.provisioning().orElseThrow() instanceof Provisioning.Registration reg)) {
      throw new IllegalStateException("A passkey needs creation options");
    }
    serial = created.serial();
    transactionId = reg.transactionId();
    options = reg.options().toString();
    signedIn.enrolledHere(serial);
    step = Step.CREATE;
  }

  /** Posted by the script with the new credential. */
  public void complete() {
    if (step != Step.CREATE) {
      return;
    }
    try {
      completions.complete(serial, transactionId, PageParameters.of(answer), signedIn.caller());
    } catch (DomainException e) {
      // the enrolment challenge is used up: the next attempt starts from a new token
      discard();
      step = Step.INTRO;
      Texts.error("passkey.failed");
      return;
    }
    answer.clear();
    options = null;
    step = Step.DONE;
    Texts.info("passkey.done", serial);
  }

  /** Discards the waiting token, as when the person gives up. */
  public void startOver() {
    discard();
    step = Step.INTRO;
  }

  private void discard() {
    if (serial != null) {
      try {
        tokens.delete(serial, signedIn.caller());
      } catch (DomainException e) {
        // deleted meanwhile: nothing left to discard
      }
    }
    serial = null;
    transactionId = null;
    options = null;
    answer.clear();
  }

  public Step getStep() {
    return step;
  }

  public String getSerial() {
    return serial;
  }

  /** WebAuthn's creation options as JSON, with binary members in base64url. */
  public String getOptions() {
    return options;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  // The fields the script fills in from the browser's PublicKeyCredential, in base64url.

  public String getAttestationObject() {
    return answer.get("attestationObject");
  }

  public void setAttestationObject(String value) {
    answer.put("attestationObject", value == null ? "" : value);
  }

  public String getClientDataJson() {
    return answer.get("clientDataJSON");
  }

  public void setClientDataJson(String value) {
    answer.put("clientDataJSON", value == null ? "" : value);
  }

  public String getCredentialId() {
    return answer.get("credential_id");
  }

  public void setCredentialId(String value) {
    answer.put("credential_id", value == null ? "" : value);
  }

  public String getAttachment() {
    return answer.get("authenticatorAttachment");
  }

  public void setAttachment(String value) {
    if (value != null && !value.isBlank()) {
      answer.put("authenticatorAttachment", value);
    }
  }
}
