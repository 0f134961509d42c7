package org.countersign.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets only signed-in people reach the pages under {@code /ui/}; the sign-in page and the static
 * resources are open. A session opened with the password alone ends once the person has a usable
 * token it did not set up itself, so that it cannot add or remove factors on the strength of a
 * password. Others are sent to the sign-in page: by a redirect, or, for a Faces ajax request (a
 * poll after the session timed out), by a partial response that tells faces.js to go there. Mapped
 * in web.xml.
 */
public class SignInFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String LOGIN = "/login.xhtml";
  static final String ADMIN = "/ui/admin/";

  @Inject SignedIn signedIn;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    if (path.startsWith(SecurityHeadersFilter.RESOURCES)
        || path.equals(LOGIN)
        || isAdminPage(request)) {
      chain.doFilter(request, response);
      return;
    }
    boolean present = request.getSession(false) != null && signedIn.isPresent();
    if (present && signedIn.outgrown()) {
      request.getSession().invalidate();
      present = false;
    }
    if (present && !path.equals("/")) {
      chain.doFilter(request, response);
      return;
    }
    String target = request.getContextPath() + "/ui" + (present ? "/tokens.xhtml" : LOGIN);
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target
                  + "\"/></partial-response>");
      return;
    }
    response.sendRedirect(target);
  }

  /**
   * The operators' pages under {@code /ui/admin/} have a sign-in of their own (web.admin's filter);
   * a person's session never opens them, nor does an administrator's open these.
   */
  static boolean isAdminPage(HttpServletRequest request) {
    return RequestPaths.of(request).startsWith(ADMIN);
  }
}
