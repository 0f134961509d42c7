package org.countersign.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * "Sign in with a passkey" on the sign-in page: opens a user-less challenge kept in the session,
 * then takes the assertion the page's script posts in hidden fields (see {@link PasskeySignIn}).
 */
@Named("passkeyLogin")
@RequestScoped
public class PasskeyLoginBean {

  @Inject PasskeySignIn passkeys;
  @Inject SignedIn signedIn;
  @Inject LoginBean login;

  private final Map<String, String> assertion = new HashMap<>();

  /** Opens a passkey sign-in; the page then offers the browser's passkey dialogue. */
  public String start() {
    HttpServletRequest request = FacesRequests.request();
    request.getSession(true);
    signedIn.awaitPasskey(passkeys.open());
    return null;
  }

  /** Posted by the page's script with the authenticator's assertion. */
  public String finish() {
    PasskeySignIn.Opened opened = signedIn.passkey();
    if (opened == null) {
      Texts.error("login.passkey.expired");
      return null;
    }
    signedIn.passkeyDone();
    SignInService.Outcome outcome =
        passkeys.answer(opened.transactionId(), assertion, FacesRequests.client());
    if (outcome instanceof SignInService.Rejected) {
      Texts.error("login.passkey.failed");
      return null;
    }
    return login.finish(outcome);
  }

  /** The options of the open passkey sign-in as JSON, or null when none is open. */
  public String getOptions() {
    PasskeySignIn.Opened opened = signedIn.passkey();
    return opened == null ? null : opened.options();
  }

  // The fields the script fills in from the browser's assertion, in base64url.

  public String getCredentialId() {
    return assertion.get("credential_id");
  }

  public void setCredentialId(String value) {
    assertion.put("credential_id", value == null ? "" : value);
  }

  public String getAuthenticatorData() {
    return assertion.get("authenticatorData");
  }

  public void setAuthenticatorData(String value) {
    assertion.put("authenticatorData", value == null ? "" : value);
  }

  public String getClientDataJson() {
    return assertion.get("clientDataJSON");
  }

  public void setClientDataJson(String value) {
    assertion.put("clientDataJSON", value == null ? "" : value);
  }

  public String getSignature() {
    return assertion.get("signature");
  }

  public void setSignature(String value) {
    assertion.put("signature", value == null ? "" : value);
  }

  public String getUserHandle() {
    return assertion.get("userHandle");
  }

  public void setUserHandle(String value) {
    if (value != null && !value.isBlank()) {
      assertion.put("userHandle", value);
    }
  }
}
