package org.countersign.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.countersign.auth.Caller;
import org.countersign.auth.Role;

/**
 * The person signed in to this session, if any. Pages act as a {@link Caller} of role user built
 * from it, with the address of the current request, so the services apply their ownership rules as
 * for the REST API.
 */
@Named
@SessionScoped
public class SignedIn implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignInService signIn;

  private String username;
  private String realm;
  private boolean secondFactor;
  private SignInService.SecondStep pending;
  private Set<String> enrolledHere = Set.of();
  private PasskeySignIn.Opened passkey;

  void start(Caller caller, boolean secondFactor) {
    this.username = caller.username();
    this.realm = caller.realm();
    this.secondFactor = secondFactor;
    this.pending = null;
    this.passkey = null;
    this.enrolledHere = Set.of();
  }

  /** A passkey sign-in waits for the browser's assertion. */
  void awaitPasskey(PasskeySignIn.Opened opened) {
    this.passkey = opened;
  }

  /** The passkey sign-in this session waits for, or null; it is used once. */
  PasskeySignIn.Opened passkey() {
    return passkey;
  }

  void passkeyDone() {
    this.passkey = null;
  }

  /** The password was right; the sign-in waits for one of the person's tokens. */
  void await(SignInService.SecondStep step) {
    this.pending = step;
  }

  SignInService.SecondStep pending() {
    return pending;
  }

  void abandon() {
    this.pending = null;
  }

  public boolean isAwaitingSecondFactor() {
    return pending != null && username == null;
  }

  /** A token set up in this session: it does not end a session opened with the password alone. */
  void enrolledHere(String serial) {
    Set<String> more = new HashSet<>(enrolledHere);
    more.add(serial);
    enrolledHere = Set.copyOf(more);
  }

  /**
   * Whether this session must end because it was opened with the password alone and the person has
   * a usable token now that was not set up in it (enrolled elsewhere, or enabled again).
   */
  boolean outgrown() {
    return username != null
        && !secondFactor
        && signIn.needsSecondFactor(realm, username, enrolledHere);
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

  /**
   * The signed-in person as a caller of the services; only for pages behind {@link SignInFilter}.
   */
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
    pending = null;
    FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
    FacesRequests.redirect("login.xhtml?out=1");
  }
}
