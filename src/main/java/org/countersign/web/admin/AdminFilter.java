package org.countersign.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.countersign.web.RequestPaths;
import org.countersign.web.SignedIn;

/**
 * Lets only a signed-in administrator reach the pages under {@code /ui/admin/}; their sign-in page
 * is open. Nothing but this page session counts: no Authorization header or JWT is looked at, and a
 * session that also carries a person's sign-in of the self-service pages is ended, so that neither
 * kind of session ever stands in for the other. A session whose administrator account has been
 * deleted ends too. Mapped in web.xml, after the self-service pages' filters.
 */
public class AdminFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String ROOT = "/ui/admin/";
  static final String LOGIN = ROOT + "login.xhtml";

  @Inject AdminSession admin;
  @Inject SignedIn person;
  @Inject AdminSignIn signIn;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = RequestPaths.of(request);
    if (path.equals(LOGIN)) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    boolean present = session != null && admin.isPresent();
    if (present && (person.isPresent() || !signIn.stillExists(admin.getUsername()))) {
      session.invalidate();
      present = false;
    }
    if (present && !path.equals(ROOT) && !path.equals("/ui/admin")) {
      chain.doFilter(request, response);
      return;
    }
    String target = request.getContextPath() + (present ? ROOT + "users.xhtml" : LOGIN);
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
}
