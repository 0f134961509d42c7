package org.countersign.ops;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * Times every {@code /validate/check} from the first filter to the response, whatever the outcome.
 */
@Provider
public class CheckTiming implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = CheckTiming.class.getName() + ".started";

  @Inject Outcomes outcomes;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isCheck(request)) {
      request.setProperty(STARTED, System.nanoTime());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STARTED) instanceof Long started) {
      outcomes.checked(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static boolean isCheck(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.equals("validate/check")
        || path.equals("/validate/check")
        || path.equals("validate/check/");
  }
}
