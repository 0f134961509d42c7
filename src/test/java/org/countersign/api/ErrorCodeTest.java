package org.countersign.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

  @Test
  void prefixesParameterErrors() {
    assertEquals("ERR905: msg", ErrorCode.PARAMETER.format("msg"));
  }

  @ParameterizedTest
  @CsvSource({
    "PARAMETER, ERR905: msg",
    "USER, ERR904: msg",
    "TOKEN_ADMIN, ERR301: msg",
    "FORBIDDEN, ERR303: msg",
    "TOO_LARGE, ERR905: msg",
    "METHOD_NOT_ALLOWED, ERR905: msg"
  })
  void prefixedCodesCarryErrAndTheCode(ErrorCode code, String expected) {
    assertEquals(expected, code.format("msg"));
  }

  @ParameterizedTest
  @EnumSource(
      value = ErrorCode.class,
      names = {"WRONG_CREDENTIALS", "MISSING_AUTHORIZATION", "EXPIRED", "UNAVAILABLE", "INTERNAL"})
  void authAndServerCodesLeaveTheMessageUnchanged(ErrorCode code) {
    assertEquals("Wrong credentials", code.format("Wrong credentials"));
  }

  @ParameterizedTest
  @CsvSource({
    "PARAMETER, 905, 400",
    "USER, 904, 400",
    "TOKEN_ADMIN, 301, 400",
    "FORBIDDEN, 303, 403",
    "NOT_FOUND, 601, 404",
    "TOO_LARGE, 905, 413",
    "METHOD_NOT_ALLOWED, 905, 405",
    "WRONG_CREDENTIALS, 4031, 401",
    "MISSING_AUTHORIZATION, 4033, 401",
    "EXPIRED, 4305, 401",
    "UNAVAILABLE, 503, 503",
    "INTERNAL, 500, 500"
  })
  void mapsEachCodeToItsNumberAndHttpStatus(ErrorCode code, int number, int status) {
    assertEquals(number, code.code());
    assertEquals(status, code.status());
  }

  @Test
  void prefixedFormatKeepsAnEmptyMessage() {
    assertEquals("ERR905: ", ErrorCode.PARAMETER.format(""));
  }

  @Test
  void missingParameterExceptionFormatsAsPrivacyIdeaDoes() {
    DomainException e = DomainException.missing("user");
    assertEquals(
        "ERR905: Missing parameter: 'user'", ErrorCode.of(e.reason()).format(e.getMessage()));
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void everyDomainReasonHasExactlyOneWireCode(Reason reason) {
    ErrorCode code = ErrorCode.of(reason);
    assertNotNull(code, reason.name());
    assertEquals(reason.name(), code.name());
  }
}
