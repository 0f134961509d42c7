package org.countersign.ops;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.countersign.config.Configuration;
import org.countersign.system.StartRefusal;

/**
 * Refuses to start with a metrics token that {@link MetricsTokenFilter} could not enforce. The
 * filter sees only requests for this application's context; Payara Micro serves {@code /metrics}
 * through the application deployed at the root context, and otherwise (another context root, or a
 * server that serves metrics elsewhere) the endpoint would stay open while the operator believes it
 * closed.
 */
@WebListener
public class MetricsProtection implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (Configuration.current().optional(MetricsTokenFilter.METRICS_TOKEN).isEmpty()) {
      return;
    }
    if (!servesMetrics(event.getServletContext())) {
      String why =
          "'"
              + MetricsTokenFilter.METRICS_TOKEN
              + "' is set, but /metrics is"
              + " not served through this application, so the token would protect nothing; deploy it at the root"
              + " context (--contextroot /) or leave the setting out.";
      throw StartRefusal.refuse(why);
    }
  }

  private static boolean servesMetrics(ServletContext context) {
    return context.getServletRegistrations().values().stream()
        .flatMap(r -> r.getMappings().stream())
        .anyMatch(m -> m.equals("/metrics") || m.startsWith("/metrics/"));
  }
}
