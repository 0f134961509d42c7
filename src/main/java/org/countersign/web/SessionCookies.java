package org.countersign.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.countersign.config.Settings;

/**
 * The page session cookie: never sent by the browser with requests started from other sites ({@code
 * SameSite=Lax}, which keeps links to the pages working), never readable by scripts (web.xml), and
 * sent over https only when the public URL is https, so that a proxy that terminates TLS in front
 * of the server still gets it back.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

  @Inject Settings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Lax");
    boolean https = settings.publicUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
    cookie.setSecure(https);
    LOG.info(
        https
            ? "The page session cookie is sent over https only (countersign.public.url is https)."
            : "The page session cookie is not limited to https: countersign.public.url is not an https URL.");
  }
}
