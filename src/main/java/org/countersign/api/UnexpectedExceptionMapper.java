package org.countersign.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.error.DomainException;

/**
 * Everything that is not an {@link DomainException}: unknown paths and methods from JAX-RS, and the
 * unexpected. The client always gets the error envelope and never a stack trace; the log gets the
 * exception type and a reference, not request data.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Inject Responses responses;

  @Override
  public Response toResponse(Throwable e) {
    return map(e, responses);
  }

  /** The envelope for any failure; shared with the other mappers of unexpected failures. */
  static Response map(Throwable e, Responses responses) {
    DomainException cause = domainCause(e);
    if (cause != null) {
      return responses.error(ErrorCode.of(cause.reason()), cause.getMessage(), cause.retryAfter());
    }
    if (PasswordHashingMapper.busy(e)) {
      return PasswordHashingMapper.reply(responses);
    }
    if (e instanceof NotFoundException) {
      return responses.error(ErrorCode.NOT_FOUND, "Not found");
    }
    if (e instanceof NotAllowedException) {
      return responses.error(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed");
    }
    if (e instanceof NotSupportedException) {
      return responses.error(ErrorCode.PARAMETER, "Unsupported content type");
    }
    if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
      return responses.error(ErrorCode.PARAMETER, "Bad request");
    }
    if (Unavailable.isDatabaseDown(e)) {
      LOG.log(
          Level.WARNING,
          "Request failed: the database is not reachable ({0})",
          e.getClass().getName());
      return responses.error(ErrorCode.UNAVAILABLE, "Service temporarily unavailable");
    }
    String ref = Long.toHexString(System.nanoTime());
    LOG.log(
        Level.SEVERE,
        "Unexpected failure, reference " + ref + ": " + e.getClass().getName(),
        stripped(e));
    return responses.error(ErrorCode.INTERNAL, "Internal error, reference " + ref);
  }

  private static DomainException domainCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DomainException a) {
        return a;
      }
    }
    return null;
  }

  /** The stack without messages, which could echo request data such as a parameter value. */
  private static Throwable stripped(Throwable e) {
    Throwable copy = new Throwable(e.getClass().getName());
    copy.setStackTrace(e.getStackTrace());
    if (e.getCause() != null && e.getCause() != e) {
      copy.initCause(stripped(e.getCause()));
    }
    return copy;
  }
}
