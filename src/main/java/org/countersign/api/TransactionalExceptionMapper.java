package org.countersign.api;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Failures of a {@code @Transactional} boundary. Some servers bring a mapper of their own for this
 * type, more specific than ours for {@code Throwable}; this one keeps every such failure in the
 * error envelope.
 */
@Provider
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

  @Inject Responses responses;

  @Override
  public Response toResponse(TransactionalException e) {
    return UnexpectedExceptionMapper.map(e, responses);
  }
}
