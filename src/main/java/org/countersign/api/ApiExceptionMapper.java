package org.countersign.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns an {@link ApiException} into the error envelope with its code and HTTP status. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Inject Responses responses;

  @Override
  public Response toResponse(ApiException e) {
    return responses.error(e.code(), e.getMessage(), e.retryAfter());
  }
}
