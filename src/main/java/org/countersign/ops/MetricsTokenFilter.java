package org.countersign.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.countersign.config.Configuration;

/**
 * Keeps {@code /metrics} for the scraper that holds the configured bearer token. Without the
 * setting the endpoint stays open, as before.
 *
 * <p>Payara Micro adds its metrics servlet to the application deployed at the root context, so with
 * the WAR at {@code /} (as README starts it) this filter sees every request for {@code /metrics},
 * whatever its spelling ({@code //metrics}, {@code /metrics;x}, {@code /metrics/base}). {@link
 * MetricsProtection} refuses to start with a token that the filter could not enforce.
 *
 * <pre>{@code
 * curl -H "Authorization: Bearer $COUNTERSIGN_METRICS_TOKEN" https://mfa.example.org/metrics
 * }</pre>
 */
@WebFilter(
    filterName = "metrics-token",
    urlPatterns = {"/metrics", "/metrics/*"})
public class MetricsTokenFilter extends HttpFilter {

  /** A bearer token that {@code GET /metrics} must present; unset leaves the endpoint open. */
  public static final String METRICS_TOKEN = "countersign.metrics.token";

  private static final String BEARER = "Bearer ";

  private Optional<byte[]> expected;

  @Override
  public void init(FilterConfig config) {
    expected = Configuration.current().optional(METRICS_TOKEN).map(MetricsTokenFilter::digest);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (expected.isEmpty() || presents(request.getHeader("Authorization"))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write("A bearer token is required for /metrics.\n");
  }

  /** Compares digests, so that the time taken tells neither the token nor its length. */
  private boolean presents(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.get(), digest(authorization.substring(BEARER.length()).strip()));
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
