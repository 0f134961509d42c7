package org.countersign.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompiledPolicyTest {

  private static Policy policy(
      String name,
      int priority,
      Map<String, String> actions,
      List<String> realms,
      List<String> users,
      List<String> clients) {
    return new Policy(
        1,
        name,
        Scope.AUTHENTICATION,
        true,
        actions,
        realms,
        List.of(),
        users,
        clients,
        priority,
        Optional.empty());
  }

  private static boolean matches(Policy p, String realm, String user, String client) {
    return CompiledPolicy.of(p).matches(PolicyRequest.ofUser(realm, "builtin", user, client));
  }

  @Test
  void emptyListsMatchEveryone() {
    Policy p = policy("p", 1, Map.of(), List.of(), List.of(), List.of());
    assertTrue(matches(p, "default", "alice", "10.1.2.3"));
    assertTrue(CompiledPolicy.of(p).matches(PolicyRequest.anonymous("10.1.2.3")));
  }

  @Test
  void usersMatchExactlyByWildcardOrByAWholeRegularExpression() {
    assertTrue(
        matches(
            policy("p", 1, Map.of(), List.of(), List.of("alice"), List.of()),
            "default",
            "alice",
            "::1"));
    assertFalse(
        matches(
            policy("p", 1, Map.of(), List.of(), List.of("alice"), List.of()),
            "default",
            "alic",
            "::1"));
    assertTrue(
        matches(
            policy("p", 1, Map.of(), List.of(), List.of("adm.*"), List.of()),
            "default",
            "admin2",
            "::1"));
    assertFalse(
        matches(
            policy("p", 1, Map.of(), List.of(), List.of("dm"), List.of()),
            "default",
            "admin",
            "::1"));
    assertTrue(
        matches(
            policy("p", 1, Map.of(), List.of(), List.of("*"), List.of()), "default", "bob", "::1"));
  }

  @Test
  void anExcludingEntryWins() {
    Policy p = policy("p", 1, Map.of(), List.of(), List.of(".*", "!bob"), List.of());
    assertTrue(matches(p, "default", "alice", "::1"));
    assertFalse(matches(p, "default", "bob", "::1"));
    Policy onlyExcluding = policy("p", 1, Map.of(), List.of(), List.of("-bob"), List.of());
    assertTrue(matches(onlyExcluding, "default", "alice", "::1"));
    assertFalse(matches(onlyExcluding, "default", "bob", "::1"));
  }

  @Test
  void realmsCompareWithoutCase() {
    Policy p = policy("p", 1, Map.of(), List.of("Default"), List.of(), List.of());
    assertTrue(matches(p, "default", "alice", "::1"));
    assertFalse(matches(p, "other", "alice", "::1"));
  }

  @Test
  void aRequestWithoutUserMatchesOnlyPoliciesForEveryone() {
    Policy p = policy("p", 1, Map.of(), List.of("default"), List.of(), List.of());
    assertFalse(CompiledPolicy.of(p).matches(PolicyRequest.anonymous("10.0.0.1")));
  }

  @Test
  void clientsMatchByNetworkAndExclusion() {
    Policy p =
        policy(
            "p",
            1,
            Map.of(),
            List.of(),
            List.of(),
            List.of("10.0.0.0/8", "!10.1.0.0/16", "2001:db8::/32"));
    assertTrue(matches(p, "default", "a", "10.2.3.4"));
    assertFalse(matches(p, "default", "a", "10.1.3.4"));
    assertFalse(matches(p, "default", "a", "192.168.1.1"));
    assertTrue(matches(p, "default", "a", "2001:db8:0:1::5"));
    assertFalse(matches(p, "default", "a", "2001:db9::5"));
    assertFalse(matches(p, "default", "a", "not-an-address"));
  }

  @Test
  void malformedRangesAndHostNamesAreRefused() {
    assertThrows(InvalidPolicy.class, () -> AddressRange.parse("10.0.0.0/33"));
    assertThrows(InvalidPolicy.class, () -> AddressRange.parse("example.org"));
    assertThrows(InvalidPolicy.class, () -> AddressRange.parse("10.0.0/8"));
    assertEquals(
        InvalidPolicy.Part.CLIENT,
        assertThrows(InvalidPolicy.class, () -> AddressRange.parse("x")).part());
  }

  @Test
  void listsUniteFlagsAreOnIfAnySetsThemAndSingleValuesComeFromTheBestPriority() {
    Decision d =
        new Decision(
            List.of(
                policy(
                    "a",
                    1,
                    Map.of("otppin", "userstore", "challenge_response", "hotp"),
                    List.of(),
                    List.of(),
                    List.of()),
                policy(
                    "b",
                    2,
                    Map.of(
                        "otppin",
                        "none",
                        "challenge_response",
                        "TOTP hotp",
                        "passOnNoToken",
                        "true"),
                    List.of(),
                    List.of(),
                    List.of())));
    assertEquals(Optional.of("userstore"), d.single("otppin"));
    assertEquals(Set.of("hotp", "totp"), d.list("challenge_response"));
    assertTrue(d.flag("passOnNoToken"));
    assertFalse(d.flag("passOnNoUser"));
    assertEquals(List.of("a", "b"), d.names());
  }

  @Test
  void disagreementAtTheBestPriorityIsAConflict() {
    Decision d =
        new Decision(
            List.of(
                policy("a", 1, Map.of("otppin", "userstore"), List.of(), List.of(), List.of()),
                policy("b", 1, Map.of("otppin", "none"), List.of(), List.of(), List.of())));
    assertThrows(PolicyConflict.class, () -> d.single("otppin"));
  }
}
