package org.countersign.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnquotingTest {

  private static final Unquoting AGAIN = Unquoting.forUserAgent("privacyIDEA-Java-Client/1.5.1");

  @Test
  void decodesWhatAClientEncodedBeforeItsHttpLibraryDid() {
    assertEquals("frank@example.org", AGAIN.apply("frank%40example.org"));
    assertEquals("p@ss+w%rd!123456", AGAIN.apply("p%40ss%2Bw%25rd%21123456"));
    assertEquals("Grüße", AGAIN.apply("Gr%C3%BC%C3%9Fe"));
  }

  @Test
  void leavesAPlusAndAStrayPercentAsTheyAre() {
    assertEquals("a+b", AGAIN.apply("a+b"));
    assertEquals("100%zz", AGAIN.apply("100%zz"));
    assertEquals("50%", AGAIN.apply("50%"));
    assertEquals("5%4", AGAIN.apply("5%4"));
  }

  @Test
  void decodesALiteralPercentSequenceOfAClientThatEncodesOnce() {
    // privacyIDEA's own example: "pw%45#test" sent once-encoded arrives as "pwE#test"
    assertEquals("pwE#test", AGAIN.apply("pw%45#test"));
  }

  @Test
  void replacesMalformedUtf8AndKeepsCharactersBeyondAscii() {
    assertEquals("a\uFFFDb", AGAIN.apply("a%C3b"));
    assertEquals("é\u00e9", AGAIN.apply("é%C3%A9"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "privacyidea-cp/3.0 Windows/PC",
        "privacyIDEA-LDAP-Proxy",
        "simpleSAMLphp/2.1",
        "PrivacyIDEA-CP"
      })
  void clientsThatEncodeOnceAreTakenAsTheyAre(String agent) {
    Unquoting u = Unquoting.forUserAgent(agent);
    assertFalse(u.active());
    assertEquals("frank%40example.org", u.apply("frank%40example.org"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "curl/8.5.0",
        "Mozilla/5.0 (X11; Linux x86_64)",
        "",
        "(weird",
        "privacyidea-cpx/1.0"
      })
  void everyOtherClientIsDecodedAgain(String agent) {
    assertTrue(Unquoting.forUserAgent(agent).active());
  }

  @Test
  void noUserAgentIsDecodedAgain() {
    assertTrue(Unquoting.forUserAgent(null).active());
  }

  @Test
  void paramsUnquoteQueryAndFormValuesButNotJson() {
    var query = new MultivaluedHashMap<String, String>();
    query.add("user", "frank%40example.org");
    Params form =
        Params.parse(
            query,
            MediaType.APPLICATION_FORM_URLENCODED_TYPE,
            "pass=p%2540ss%252B1".getBytes(StandardCharsets.UTF_8),
            AGAIN);
    assertEquals("frank@example.org", form.required("user"));
    assertEquals("p@ss+1", form.required("pass"));
    Params json =
        Params.parse(
            new MultivaluedHashMap<>(),
            MediaType.APPLICATION_JSON_TYPE,
            "{\"pass\":\"p%40ss\"}".getBytes(StandardCharsets.UTF_8),
            AGAIN);
    assertEquals("p%40ss", json.required("pass"));
  }
}
