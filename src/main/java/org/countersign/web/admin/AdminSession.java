package org.countersign.web.admin;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.countersign.auth.Caller;
import org.countersign.auth.Role;
import org.countersign.web.FacesRequests;

/**
 * The administrator signed in to this page session, if any. Kept apart from the self-service pages'
 * {@code SignedIn}: the two never share a session.
 */
@Named("adminSession")
@SessionScoped
public class AdminSession implements Serializable {

  private static final long serialVersionUID = 1L;

  private String username;

  void start(String username) {
    this.username = username;
  }

  void end() {
    this.username = null;
  }

  public boolean isPresent() {
    return username != null;
  }

  public String getUsername() {
    return username;
  }

  /** The administrator as a caller of the services, with the address of the current request. */
  Caller caller() {
    return caller(FacesRequests.client());
  }

  Caller caller(String client) {
    if (username == null) {
      throw new IllegalStateException("no administrator is signed in");
    }
    return new Caller(username, "", Role.ADMIN, client);
  }
}
