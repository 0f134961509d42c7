package org.countersign.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.countersign.error.DomainException;

/**
 * Turns every {@link DomainException} (policy refusals included) into the error envelope, with the
 * wire code and HTTP status of its reason.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Inject Responses responses;

  @Override
  public Response toResponse(DomainException e) {
    return responses.error(ErrorCode.of(e.reason()), e.getMessage(), e.retryAfter());
  }
}
