package org.countersign.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/** What beans need from the current HTTP request: the client address, the base URL, redirects. */
public final class FacesRequests {

  private FacesRequests() {}

  public static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  public static String client() {
    return request().getRemoteAddr();
  }

  /**
   * The configured public URL, or else the base URL of the application as this request reached it.
   */
  public static URI publicBase(Optional<URI> configured) {
    if (configured.isPresent()) {
      return configured.get();
    }
    HttpServletRequest r = request();
    return URI.create(r.getRequestURL().toString()).resolve(r.getContextPath() + "/");
  }

  /** Redirects to a page under {@code /ui/} and ends the Faces life cycle of this request. */
  public static void redirect(String page) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    try {
      external.redirect(external.getRequestContextPath() + "/ui/" + page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
  }
}
