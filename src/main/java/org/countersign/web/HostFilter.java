package org.countersign.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.countersign.config.HttpSettings;
import org.countersign.config.Settings;

/**
 * Keeps the Host header from choosing where the pages send people. With a public URL configured,
 * every redirect of the pages goes to that URL; without one, a request for a host outside {@link
 * HttpSettings#HOSTS_ALLOWED} gets a 400 (the pages' error page). Mapped in web.xml before the
 * other filters.
 */
public class HostFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject HttpSettings httpSettings;
  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!httpSettings.hostAllowed(request.getHeader("Host"))) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    HttpServletResponse out =
        settings
            .publicUrl()
            .<HttpServletResponse>map(
                base -> new PublicRedirects(response, request.getContextPath(), base))
            .orElse(response);
    chain.doFilter(request, out);
  }

  /**
   * Turns a redirect to a path of this application into one to the same path under the public URL.
   */
  private static final class PublicRedirects extends HttpServletResponseWrapper {
    private final String contextPath;
    private final URI base;

    PublicRedirects(HttpServletResponse response, String contextPath, URI base) {
      super(response);
      this.contextPath = contextPath + "/";
      this.base = base;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      super.sendRedirect(
          location.startsWith(contextPath)
              ? base.resolve(location.substring(contextPath.length())).toString()
              : location);
    }
  }
}
