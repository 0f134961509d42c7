package org.countersign.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.countersign.policy.InvalidPolicy;
import org.countersign.policy.PolicyConflict;
import org.countersign.policy.PolicyException;
import org.countersign.policy.PolicyRefusal;
import org.countersign.policy.UnknownPolicy;

/**
 * Policy errors in privacyIDEA's codes: a bad policy 905 (a bad client range 302), none of that
 * name 601, a conflict or a refusal 303.
 */
@Provider
public class PolicyExceptionMapper implements ExceptionMapper<PolicyException> {

  @Inject Responses responses;

  @Override
  public Response toResponse(PolicyException e) {
    return responses.error(code(e), e.getMessage());
  }

  static ErrorCode code(PolicyException e) {
    if (e instanceof InvalidPolicy invalid) {
      return invalid.part() == InvalidPolicy.Part.CLIENT ? ErrorCode.CONFIG : ErrorCode.PARAMETER;
    }
    if (e instanceof UnknownPolicy) {
      return ErrorCode.NOT_FOUND;
    }
    return e instanceof PolicyConflict || e instanceof PolicyRefusal
        ? ErrorCode.POLICY
        : ErrorCode.INTERNAL;
  }
}
