package org.countersign.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.countersign.auth.Caller;
import org.countersign.auth.Role;

/**
 * The person signed in to this session, if any. Pages act as a {@link Caller} of role user built from it, with the
 * address of the current request, so the services apply their ownership rules as for the REST API.
 */
@Named
@SessionScoped
public class SignedIn implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignInService signIn;

  private String username;
  private String realm;

  void start(Caller caller) {
    this.username = caller.username();
    this.realm = caller.realm();
  }

  public boolean isPresent() {
    return username != null;
  }

  public String getUsername() {
    return username;
  }

  public String getRealm() {
    return realm;
  }

  /** The signed-in person as a caller of the services; only for pages behind {@link SignInFilter}. */
  Caller caller() {
    if (username == null) {
      throw new IllegalStateException("nobody is signed in");
    }
    return new Caller(username, realm, Role.USER, FacesRequests.client());
  }

  /** Ends the session after recording the sign-out, and returns to the sign-in page. */
  public void signOut() {
    if (username != null) {
      signIn.signedOut(caller());
    }
    username = null;
    realm = null;
    FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
    FacesRequests.redirect("login.xhtml?out=1");
  }
}
