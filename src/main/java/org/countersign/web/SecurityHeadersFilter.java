package org.countersign.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers of every response under {@code /ui/}: a Content-Security-Policy that allows
 * scripts, styles and connections only from this origin (no inline script), images also as {@code
 * data:} URIs (the QR codes), and no framing. Pages are never stored by caches, since some show a
 * secret; the static Faces resources may be. Mapped in web.xml.
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  static final String RESOURCES = "/jakarta.faces.resource/";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!path.startsWith(RESOURCES)) {
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
    }
    chain.doFilter(request, response);
  }
}
