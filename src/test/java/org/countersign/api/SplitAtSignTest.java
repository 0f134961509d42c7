package org.countersign.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** privacyIDEA's {@code user@realm}, split only when the suffix is an existing realm. */
class SplitAtSignTest {

  private static final Predicate<String> REALMS = Set.of("corp", "example.org")::contains;

  private static Params split(String... pairs) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return Params.of(values).splittingAtSign(REALMS);
  }

  @Test
  void aUserAtAnExistingRealmIsSplitIntoNameAndRealm() {
    Params p = split("user", "alice@corp", "pass", "1");
    assertEquals("alice", p.required("user"));
    assertEquals("corp", p.required("realm"));
    assertEquals("1", p.required("pass"));
  }

  @Test
  void theLastAtSignSeparatesTheRealm() {
    Params p = split("user", "alice@example.org@corp");
    assertEquals("alice@example.org", p.required("user"));
    assertEquals("corp", p.required("realm"));
  }

  @Test
  void aSuffixThatIsNoRealmKeepsTheWholeValueAsTheName() {
    Params p = split("user", "alice@example.com");
    assertEquals("alice@example.com", p.required("user"));
    assertFalse(p.has("realm"));
  }

  @Test
  void anExplicitRealmWins() {
    Params p = split("user", "alice@corp", "realm", "example.org");
    assertEquals("alice@corp", p.required("user"));
    assertEquals("example.org", p.required("realm"));
  }

  @Test
  void anEmptyRealmCountsAsNone() {
    Params p = split("user", "alice@corp", "realm", "");
    assertEquals("alice", p.required("user"));
    assertEquals("corp", p.required("realm"));
  }

  @Test
  void theSignInNameIsSplitToo() {
    Params p = split("username", "bob@corp", "password", "x");
    assertEquals("bob", p.required("username"));
    assertEquals("corp", p.required("realm"));
  }

  @Test
  void aValueWithNothingBeforeOrAfterTheSignIsLeftAlone() {
    assertEquals("@corp", split("user", "@corp").required("user"));
    assertEquals("alice@", split("user", "alice@").required("user"));
    assertFalse(split("user", "alice").has("realm"));
  }
}
