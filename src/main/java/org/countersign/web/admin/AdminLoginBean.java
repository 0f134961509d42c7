package org.countersign.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.countersign.web.FacesRequests;
import org.countersign.web.SignedIn;
import org.countersign.web.Texts;

/**
 * The administrators' sign-in form. A successful sign-in gives the page session a new id; the
 * session never also carries a person's sign-in of the self-service pages ({@link AdminFilter}).
 */
@Named("adminLogin")
@RequestScoped
public class AdminLoginBean {

  static final String HOME = "/admin/users.xhtml?faces-redirect=true";

  @Inject AdminSignIn signIn;
  @Inject AdminSession session;
  @Inject SignedIn person;

  private String username;
  private String password;

  /**
   * An administrator already signed in goes straight to the users; a session that carries a
   * person's sign-in of the self-service pages is ended first, so that the form is posted in a
   * session of its own.
   */
  public void onLoad() {
    if (person.isPresent()) {
      FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
      FacesRequests.redirect("admin/login.xhtml");
    } else if (session.isPresent()) {
      FacesRequests.redirect("admin/users.xhtml");
    }
  }

  public String signIn() {
    HttpServletRequest request = FacesRequests.request();
    AdminSignIn.Outcome outcome = signIn.signIn(username, password, request.getRemoteAddr());
    password = null;
    if (outcome instanceof AdminSignIn.Accepted accepted) {
      request.getSession(true);
      request.changeSessionId();
      session.start(accepted.username());
      return HOME;
    }
    if (outcome instanceof AdminSignIn.Throttled throttled) {
      Texts.error("login.throttled", Math.max(1, throttled.retryAfter().toSeconds()));
    } else if (outcome instanceof AdminSignIn.Busy) {
      Texts.error("login.busy");
    } else {
      Texts.error("login.failed");
    }
    return null;
  }

  /** Ends the session after recording the sign-out, and returns to the sign-in page. */
  public void signOut() {
    if (session.isPresent()) {
      signIn.signedOut(session.caller());
    }
    session.end();
    FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
    FacesRequests.redirect("admin/login.xhtml?out=1");
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
}
