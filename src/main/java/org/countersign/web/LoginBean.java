package org.countersign.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The sign-in form: user name, password and, where there is more than one, the realm. */
@Named("login")
@RequestScoped
public class LoginBean {

  @Inject SignInService signIn;
  @Inject SignedIn signedIn;

  private String username;
  private String password;
  private String realm;

  /** A person already signed in goes straight to their tokens. */
  public void onLoad() {
    if (signedIn.isPresent()) {
      FacesRequests.redirect("tokens.xhtml");
    }
  }

  public String signIn() {
    HttpServletRequest request = FacesRequests.request();
    String chosenRealm = realm == null || realm.isBlank() ? signIn.realms().get(0) : realm;
    SignInService.Outcome outcome = signIn.signIn(chosenRealm, username, password, request.getRemoteAddr());
    password = null;
    if (outcome instanceof SignInService.Accepted accepted) {
      request.getSession(true);
      request.changeSessionId();
      signedIn.start(accepted.caller());
      return "/tokens.xhtml?faces-redirect=true";
    }
    if (outcome instanceof SignInService.Throttled throttled) {
      Texts.error("login.throttled", Math.max(1, throttled.retryAfter().toSeconds()));
    } else {
      Texts.error("login.failed");
    }
    return null;
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
}
