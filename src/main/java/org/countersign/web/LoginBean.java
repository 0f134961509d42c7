package org.countersign.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The sign-in form: user name, password and, where there is more than one, the realm; then, for a
 * person who owns a usable token, the second step: a code to type, or the tiqr app's QR code,
 * watched until the app has answered.
 */
@Named("login")
@RequestScoped
public class LoginBean {

  private static final String TOKENS = "/tokens.xhtml?faces-redirect=true";

  @Inject SignInService signIn;
  @Inject SignedIn signedIn;

  private String username;
  private String password;
  private String realm;
  private String code;

  /** A person already signed in goes straight to their tokens. */
  public void onLoad() {
    if (signedIn.isPresent()) {
      FacesRequests.redirect("tokens.xhtml");
    }
  }

  public String signIn() {
    HttpServletRequest request = FacesRequests.request();
    String chosenRealm = realm == null || realm.isBlank() ? signIn.realms().get(0) : realm;
    SignInService.Outcome outcome =
        signIn.signIn(chosenRealm, username, password, request.getRemoteAddr());
    password = null;
    if (outcome instanceof SignInService.SecondStep step) {
      request.getSession(true);
      request.changeSessionId();
      signedIn.await(step);
      return null;
    }
    return finish(outcome);
  }

  /** The code of one of the person's tokens. */
  public String submitCode() {
    SignInService.SecondStep step = signedIn.pending();
    if (step == null) {
      return restart();
    }
    String typed = code == null ? "" : code.replaceAll("\\s", "");
    code = null;
    return finish(signIn.answer(step, typed, FacesRequests.client()));
  }

  /**
   * Pressed by the page's poll while the tiqr app's QR code is shown: finishes once the app has
   * answered.
   */
  public String poll() {
    SignInService.SecondStep step = signedIn.pending();
    if (step == null) {
      return restart();
    }
    if (!signIn.answered(step)) {
      return null;
    }
    return finish(signIn.answer(step, "", FacesRequests.client()));
  }

  /** Back to the password. */
  public String restart() {
    signedIn.abandon();
    return "/login.xhtml?faces-redirect=true";
  }

  /** Starts the session of an accepted sign-in, or says why there is none. */
  public String finish(SignInService.Outcome outcome) {
    if (outcome instanceof SignInService.Accepted accepted) {
      HttpServletRequest request = FacesRequests.request();
      request.getSession(true);
      request.changeSessionId();
      signedIn.start(accepted.caller(), accepted.secondFactor());
      return TOKENS;
    }
    if (outcome instanceof SignInService.Throttled throttled) {
      Texts.error("login.throttled", Math.max(1, throttled.retryAfter().toSeconds()));
    } else if (outcome instanceof SignInService.Busy) {
      Texts.error("login.busy");
    } else if (outcome instanceof SignInService.NoChallenge) {
      Texts.error("login.nochallenge");
    } else if (outcome instanceof SignInService.NoSelfEnrolment) {
      Texts.error("login.noselfenrolment");
    } else if (signedIn.pending() != null) {
      Texts.error("login.code.failed");
    } else {
      Texts.error("login.failed");
    }
    return null;
  }

  /** Whether the page shows the second step: the password was right, a token must answer. */
  public boolean isSecondStep() {
    return signedIn.isAwaitingSecondFactor();
  }

  /** Whether the second step takes a typed code (the person has a token that checks codes). */
  public boolean isCodeStep() {
    return isSecondStep() && signedIn.pending().takesCode();
  }

  /** The QR code for the tiqr app in the second step, if the person has a TiQR token; else null. */
  public String getQrImage() {
    return isSecondStep() ? signedIn.pending().qrImage() : null;
  }

  public List<String> getRealms() {
    return signIn.realms();
  }

  public boolean isRealmChoice() {
    return getRealms().size() > 1;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username == null ? null : username.strip();
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRealm() {
    return realm;
  }

  public void setRealm(String realm) {
    this.realm = realm;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
