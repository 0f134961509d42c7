package org.countersign.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsTest {

  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
  private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED_TYPE;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static MultivaluedMap<String, String> noQuery() {
    return new MultivaluedHashMap<>();
  }

  private static Params form(String body) {
    return Params.parse(noQuery(), FORM, utf8(body), Unquoting.none());
  }

  private static Params json(String body) {
    return Params.parse(noQuery(), JSON, utf8(body), Unquoting.none());
  }

  private static DomainException parameterError(org.junit.jupiter.api.function.Executable call) {
    DomainException e = assertThrows(DomainException.class, call);
    assertEquals(Reason.PARAMETER, e.reason());
    return e;
  }

  // query string and form body

  @Test
  void readsTheQueryString() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("user", "alice");
    query.add("realm", "corp");
    Params p = Params.parse(query, null, null, Unquoting.none());
    assertEquals("alice", p.required("user"));
    assertEquals("corp", p.required("realm"));
  }

  @Test
  void takesTheFirstOfRepeatedQueryValues() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("user", "alice");
    query.add("user", "bob");
    assertEquals("alice", Params.parse(query, null, null, Unquoting.none()).required("user"));
  }

  @Test
  void skipsQueryNamesWithoutValues() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.put("user", new java.util.ArrayList<>());
    assertEquals(
        Optional.empty(), Params.parse(query, null, null, Unquoting.none()).optional("user"));
  }

  @Test
  void mergesQueryAndFormBodyWithTheBodyWinning() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("user", "from-query");
    query.add("realm", "corp");
    Params p = Params.parse(query, FORM, utf8("user=from-body&pass=1234"), Unquoting.none());
    assertEquals("from-body", p.required("user"));
    assertEquals("corp", p.required("realm"));
    assertEquals("1234", p.required("pass"));
  }

  @Test
  void mergesQueryAndJsonBodyWithTheBodyWinning() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("user", "from-query");
    query.add("realm", "corp");
    Params p = Params.parse(query, JSON, utf8("{\"user\":\"from-body\"}"), Unquoting.none());
    assertEquals("from-body", p.required("user"));
    assertEquals("corp", p.required("realm"));
  }

  @Test
  void readsAFormBodyWithoutContentType() {
    Params p = Params.parse(noQuery(), null, utf8("user=alice"), Unquoting.none());
    assertEquals("alice", p.required("user"));
  }

  @Test
  void readsAFormBodyWithCharsetParameter() {
    MediaType type = new MediaType("application", "x-www-form-urlencoded", "UTF-8");
    assertEquals(
        "alice",
        Params.parse(noQuery(), type, utf8("user=alice"), Unquoting.none()).required("user"));
  }

  @Test
  void ignoresABodyOfAnotherType() {
    Params p =
        Params.parse(noQuery(), MediaType.TEXT_PLAIN_TYPE, utf8("user=alice"), Unquoting.none());
    assertFalse(p.has("user"));
  }

  @Test
  void ignoresAnEmptyBody() {
    assertFalse(Params.parse(noQuery(), JSON, new byte[0], Unquoting.none()).has("user"));
  }

  @Test
  void percentDecodesFormNamesAndValues() {
    Params p = form("us%65r=al%C3%AFce%26co&pass=a%3Db");
    assertEquals("alïce&co", p.required("user"));
    assertEquals("a=b", p.required("pass"));
  }

  @Test
  void decodesPlusInFormValuesAsSpace() {
    assertEquals("Alice Smith", form("description=Alice+Smith").required("description"));
    assertEquals("a+b", form("description=a%2Bb").required("description"));
  }

  @Test
  void readsAFormNameWithoutEqualsAsEmpty() {
    Params p = form("pass&user=alice");
    assertEquals("", p.present("pass"));
    assertEquals("alice", p.required("user"));
  }

  @Test
  void keepsEqualsSignsAfterTheFirstInAFormValue() {
    assertEquals("a=b=c", form("x=a=b=c").required("x"));
  }

  @Test
  void skipsEmptyFormPairs() {
    Params p = form("&&user=alice&&");
    assertEquals("alice", p.required("user"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"user=%zz", "user=%", "us%er=alice", "user=%C"})
  void rejectsMalformedPercentEncoding(String body) {
    parameterError(() -> form(body));
  }

  // JSON body

  @Test
  void readsJsonStrings() {
    Params p = json("{\"user\":\"alice\",\"pass\":\"\"}");
    assertEquals("alice", p.required("user"));
    assertEquals("", p.present("pass"));
  }

  @Test
  void readsJsonNumbersAsText() {
    Params p = json("{\"otplen\":8,\"ratio\":1.5,\"negative\":-3}");
    assertEquals("8", p.required("otplen"));
    assertEquals("1.5", p.required("ratio"));
    assertEquals("-3", p.required("negative"));
    assertEquals(8, p.integer("otplen", 6, 6, 8));
  }

  @Test
  void refusesDeeplyNestedJsonAsAParameterError() {
    String deep = "{\"user\":".repeat(100_000) + "1" + "}".repeat(100_000);
    DomainException e = assertThrows(DomainException.class, () -> json(deep));
    assertEquals(Reason.PARAMETER, e.reason());
  }

  @Test
  void readsJsonBooleansAsOneAndZero() {
    Params p = json("{\"genkey\":true,\"pin\":false}");
    assertEquals("1", p.required("genkey"));
    assertEquals("0", p.required("pin"));
    assertTrue(p.flag("genkey"));
    assertFalse(p.flag("pin"));
  }

  @Test
  void ignoresJsonNull() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("user", "alice");
    Params p = Params.parse(query, JSON, utf8("{\"user\":null,\"realm\":null}"), Unquoting.none());
    assertEquals("alice", p.required("user"));
    assertEquals(Optional.empty(), p.optional("realm"));
  }

  @Test
  void readsJsonWithCharsetParameter() {
    MediaType type = new MediaType("application", "json", "UTF-8");
    assertEquals(
        "alice",
        Params.parse(noQuery(), type, utf8("{\"user\":\"alice\"}"), Unquoting.none())
            .required("user"));
  }

  @Test
  void readsJsonWithConstructedMediaType() {
    MediaType type = new MediaType("application", "json");
    assertEquals(
        "ålice",
        Params.parse(noQuery(), type, utf8("{\"user\":\"ålice\"}"), Unquoting.none())
            .required("user"));
  }

  @Test
  void rejectsANestedJsonObject() {
    DomainException e = parameterError(() -> json("{\"user\":{\"name\":\"alice\"}}"));
    assertTrue(e.getMessage().contains("'user'"), e.getMessage());
  }

  @Test
  void rejectsANestedJsonArray() {
    parameterError(() -> json("{\"user\":[\"alice\"]}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{", "{\"user\":}", "{user:\"alice\"}", "not json", "{\"a\":\"b\",}", "}"})
  void rejectsMalformedJson(String body) {
    DomainException e = parameterError(() -> json(body));
    assertEquals("Malformed JSON body", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"user\":\"alice\"}]", "\"alice\"", "42", "true", "null"})
  void rejectsJsonThatIsNotAnObject(String body) {
    DomainException e = parameterError(() -> json(body));
    assertEquals("The JSON body must be an object", e.getMessage());
  }

  // required, present, optional, has

  @Test
  void requiredRejectsAMissingParameter() {
    DomainException e = parameterError(() -> Params.of(Map.of()).required("user"));
    assertEquals("Missing parameter: 'user'", e.getMessage());
    assertEquals(
        "ERR905: Missing parameter: 'user'", ErrorCode.of(e.reason()).format(e.getMessage()));
  }

  @Test
  void requiredRejectsAnEmptyParameter() {
    DomainException e = parameterError(() -> Params.of(Map.of("user", "")).required("user"));
    assertEquals("Missing parameter: 'user'", e.getMessage());
  }

  @Test
  void presentAcceptsAnEmptyParameter() {
    assertEquals("", Params.of(Map.of("pass", "")).present("pass"));
  }

  @Test
  void presentRejectsAMissingParameter() {
    DomainException e = parameterError(() -> Params.of(Map.of()).present("pass"));
    assertEquals("Missing parameter: 'pass'", e.getMessage());
  }

  @Test
  void hasIsFalseForMissingAndEmpty() {
    Params p = Params.of(Map.of("empty", "", "full", "x"));
    assertFalse(p.has("missing"));
    assertFalse(p.has("empty"));
    assertTrue(p.has("full"));
  }

  @Test
  void optionalKeepsAnEmptyValue() {
    Params p = Params.of(Map.of("empty", ""));
    assertEquals(Optional.of(""), p.optional("empty"));
    assertEquals(Optional.empty(), p.optional("missing"));
  }

  @Test
  void withAddsOrReplacesAValueWithoutChangingTheOriginal() {
    Params original = Params.of(Map.of("serial", "OLD"));
    Params changed = original.with("serial", "NEW").with("user", "alice");
    assertEquals("NEW", changed.required("serial"));
    assertEquals("alice", changed.required("user"));
    assertEquals("OLD", original.required("serial"));
    assertFalse(original.has("user"));
  }

  // integer

  @Test
  void integerReturnsTheDefaultWhenAbsentOrEmpty() {
    assertEquals(6, Params.of(Map.of()).integer("otplen", 6, 6, 8));
    assertEquals(6, Params.of(Map.of("otplen", "")).integer("otplen", 6, 6, 8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6", "7", "8", " 8 ", "+7", "07"})
  void integerAcceptsValuesWithinInclusiveBounds(String raw) {
    int value = Params.of(Map.of("otplen", raw)).integer("otplen", 6, 6, 8);
    assertEquals(Integer.parseInt(raw.strip()), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "9", "-1", "0", "2147483647", "-2147483648"})
  void integerRejectsValuesOutOfBounds(String raw) {
    DomainException e =
        parameterError(() -> Params.of(Map.of("otplen", raw)).integer("otplen", 6, 6, 8));
    assertEquals("Invalid parameter 'otplen': must be between 6 and 8", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"six", "6.0", "6e0", "0x6", "6 7", "99999999999", "--6", " "})
  void integerRejectsNonNumbers(String raw) {
    DomainException e =
        parameterError(() -> Params.of(Map.of("otplen", raw)).integer("otplen", 6, 6, 8));
    assertEquals("Invalid parameter 'otplen': must be a whole number", e.getMessage());
  }

  // oneOf

  @Test
  void oneOfAcceptsAnAllowedValue() {
    Params p = Params.of(Map.of("hashlib", "sha256"));
    assertEquals("sha256", p.oneOf("hashlib", "sha1", Set.of("sha1", "sha256", "sha512")));
  }

  @Test
  void oneOfReturnsTheDefaultWhenAbsentOrEmpty() {
    Set<String> allowed = Set.of("sha1", "sha256");
    assertEquals("sha1", Params.of(Map.of()).oneOf("hashlib", "sha1", allowed));
    assertEquals("sha1", Params.of(Map.of("hashlib", "")).oneOf("hashlib", "sha1", allowed));
  }

  @Test
  void oneOfRejectsAnotherValueListingTheChoicesSorted() {
    Params p = Params.of(Map.of("hashlib", "md5"));
    DomainException e =
        parameterError(() -> p.oneOf("hashlib", "sha1", Set.of("sha512", "sha1", "sha256")));
    assertEquals(
        "Invalid parameter 'hashlib': must be one of sha1, sha256, sha512", e.getMessage());
  }

  @Test
  void oneOfIsCaseSensitive() {
    Params p = Params.of(Map.of("hashlib", "SHA1"));
    parameterError(() -> p.oneOf("hashlib", "sha1", Set.of("sha1", "sha256")));
  }

  // flag

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "yes", "on", "TRUE", "Yes", " on ", "ON"})
  void flagIsTrueForTrueWords(String raw) {
    assertTrue(Params.of(Map.of("genkey", raw)).flag("genkey"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "false", "no", "off", "FALSE", "No", " 0 "})
  void flagIsFalseForFalseWords(String raw) {
    assertFalse(Params.of(Map.of("genkey", raw)).flag("genkey"));
  }

  @Test
  void flagIsFalseWhenAbsent() {
    assertFalse(Params.of(Map.of()).flag("genkey"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "y", "n", "enabled", "-1", "t"})
  void flagRejectsOtherValues(String raw) {
    DomainException e = parameterError(() -> Params.of(Map.of("genkey", raw)).flag("genkey"));
    assertEquals("Invalid parameter 'genkey': must be 1 or 0", e.getMessage());
  }

  // limits

  @Test
  void acceptsAValueOfExactlyTheMaximumLength() {
    String longest = "x".repeat(Params.MAX_VALUE_LENGTH);
    assertEquals(longest, Params.of(Map.of("description", longest)).required("description"));
  }

  @Test
  void rejectsAValueLongerThanTheMaximumInParamsOf() {
    String tooLong = "x".repeat(Params.MAX_VALUE_LENGTH + 1);
    DomainException e = parameterError(() -> Params.of(Map.of("description", tooLong)));
    assertEquals("Invalid parameter 'description': value too long", e.getMessage());
  }

  @Test
  void rejectsAValueLongerThanTheMaximumInTheQuery() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("description", "x".repeat(Params.MAX_VALUE_LENGTH + 1));
    parameterError(() -> Params.parse(query, null, null, Unquoting.none()));
  }

  @Test
  void rejectsAValueLongerThanTheMaximumInAFormBody() {
    parameterError(() -> form("description=" + "x".repeat(Params.MAX_VALUE_LENGTH + 1)));
  }

  @Test
  void rejectsAValueLongerThanTheMaximumInAJsonBody() {
    parameterError(
        () -> json("{\"description\":\"" + "x".repeat(Params.MAX_VALUE_LENGTH + 1) + "\"}"));
  }

  @Test
  void rejectsAValueLongerThanTheMaximumInWith() {
    Params p = Params.of(Map.of());
    parameterError(() -> p.with("serial", "x".repeat(Params.MAX_VALUE_LENGTH + 1)));
  }

  @Test
  void truncatesALongParameterNameInTheTooLongMessage() {
    String name = "n".repeat(50);
    String tooLong = "x".repeat(Params.MAX_VALUE_LENGTH + 1);
    DomainException e = parameterError(() -> Params.of(Map.of(name, tooLong)));
    assertEquals("Invalid parameter '" + "n".repeat(40) + "': value too long", e.getMessage());
  }

  @Test
  void rejectsAParameterNameLongerThan64Characters() {
    assertTrue(Params.of(Map.of("n".repeat(64), "v")).has("n".repeat(64)));
    DomainException e = parameterError(() -> Params.of(Map.of("n".repeat(65), "v")));
    assertEquals("Parameter name too long", e.getMessage());
  }

  @Test
  void acceptsSixtyFourParameters() {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < 64; i++) {
      values.put("p" + i, "v");
    }
    assertTrue(Params.of(values).has("p63"));
  }

  @Test
  void rejectsTooManyParametersInParamsOf() {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < 65; i++) {
      values.put("p" + i, "v");
    }
    DomainException e = parameterError(() -> Params.of(values));
    assertEquals("Too many parameters", e.getMessage());
  }

  @Test
  void rejectsTooManyParametersInAFormBody() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 65; i++) {
      body.append("p").append(i).append("=v&");
    }
    DomainException e = parameterError(() -> form(body.toString()));
    assertEquals("Too many parameters", e.getMessage());
  }

  @Test
  void rejectsTooManyParametersAcrossQueryAndBody() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    for (int i = 0; i < 40; i++) {
      query.add("q" + i, "v");
    }
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      body.append("b").append(i).append("=v&");
    }
    parameterError(() -> Params.parse(query, FORM, utf8(body.toString()), Unquoting.none()));
  }

  @Test
  void repeatedNamesDoNotCountTowardsTheLimit() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      body.append("p").append(i % 10).append("=v").append(i).append('&');
    }
    Params p = form(body.toString());
    assertEquals("v199", p.required("p9"));
  }
}
