package org.countersign.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The directory client against a real OpenLDAP (slapd started by the test). */
class LdapDirectoryTest {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  private static Map<String, String> keys(String... pairs) {
    Map<String, String> k = new LinkedHashMap<>();
    k.put("LDAPURI", LDAP.uri());
    k.put("LDAPBASE", Slapd.BASE);
    k.put("BINDDN", Slapd.BIND_DN);
    k.put("LOGINNAMEATTRIBUTE", "uid");
    // users the tests add have no mail, so they stay out of these counts
    k.put("LDAPSEARCHFILTER", "(&(objectClass=inetOrgPerson)(mail=*))");
    k.put("TIMEOUT", "2");
    for (int i = 0; i < pairs.length; i += 2) {
      k.put(pairs[i], pairs[i + 1]);
    }
    return k;
  }

  private static LdapDirectory directory(String... pairs) {
    return new LdapDirectory(
        "corp", LdapConfig.parse(keys(pairs)), Slapd.BIND_PASSWORD, Clock.systemUTC());
  }

  @Test
  void findsAUserInEitherUnitWithTheMappedAttributesAndTheDnAsUid() {
    try (LdapDirectory d = directory()) {
      DirectoryUser bob = d.find("bob").orElseThrow();
      assertEquals(Slapd.dnOf("bob"), bob.uid());
      assertEquals("Bob", bob.first("givenname"));
      assertEquals("Baker", bob.first("surname"));
      assertEquals("bob@example.org", bob.first("email"));
      assertEquals(List.of("+49 170 2222"), bob.attributes().get("mobile"));
      assertEquals("alice", d.find("alice").orElseThrow().username());
      assertTrue(d.find("nobody").isEmpty());
    }
  }

  @Test
  void takesEntryUuidAsAStableUidAndFindsTheUserByIt() {
    try (LdapDirectory d = directory("UIDTYPE", "entryUUID")) {
      DirectoryUser alice = d.find("alice").orElseThrow();
      assertTrue(alice.uid().matches("[0-9a-f-]{36}"), alice.uid());
      assertEquals("alice", d.byUid(alice.uid()).orElseThrow().username());
    }
  }

  @Test
  void checksThePasswordByABindAsTheUser() {
    try (LdapDirectory d = directory()) {
      assertEquals(
          "carol", d.authenticate("carol", Slapd.passwordOf("carol")).orElseThrow().username());
      assertTrue(d.authenticate("carol", "wrong-password").isEmpty());
      assertTrue(d.authenticate("carol", "").isEmpty(), "an empty password never binds");
      assertTrue(d.authenticate("nobody", "whatever").isEmpty());
    }
  }

  @Test
  void namesWithFilterSyntaxOrNulFindNobody() {
    try (LdapDirectory d = directory()) {
      for (String name :
          new String[] {
            "*", "al*", "alice)(uid=*", "*)(|(uid=*", "alice\u0000", "\u0000", "alice)"
          }) {
        assertTrue(d.find(name).isEmpty(), name);
        assertTrue(d.authenticate(name, Slapd.passwordOf("alice")).isEmpty(), name);
      }
    }
  }

  @Test
  void listsEveryUserOrThoseMatchingAWildcardPattern() {
    try (LdapDirectory d = directory()) {
      assertEquals(
          List.of("alice", "bob", "carol", "dave"),
          d.list(Optional.empty()).stream().map(DirectoryUser::username).sorted().toList());
      assertEquals(
          List.of("alice"),
          d.list(Optional.of("a*")).stream().map(DirectoryUser::username).toList());
      assertEquals(
          List.of("carol"),
          d.list(Optional.of("c*r*l")).stream().map(DirectoryUser::username).toList());
      assertTrue(d.list(Optional.of("a)(uid=*")).isEmpty());
    }
  }

  @Test
  void stopsAtTheSizeLimitWithoutFailing() {
    try (LdapDirectory d = directory("SIZELIMIT", "2")) {
      assertEquals(2, d.list(Optional.empty()).size());
    }
  }

  @Test
  void aPasswordChangedInTheDirectoryHoldsAtOnce() throws Exception {
    LDAP.add(
        "dn: uid=erin,ou=people,"
            + Slapd.BASE
            + "\nobjectClass: inetOrgPerson\nuid: erin\ncn: Erin\nsn: E\nuserPassword: first-pass-1\n");
    try (LdapDirectory d = directory("LDAPSEARCHFILTER", "(objectClass=inetOrgPerson)")) {
      assertTrue(d.authenticate("erin", "first-pass-1").isPresent());
      LDAP.setPassword("erin", "second-pass-2");
      assertTrue(d.authenticate("erin", "first-pass-1").isEmpty());
      assertTrue(d.authenticate("erin", "second-pass-2").isPresent());
    }
  }

  @Test
  void aRenameSeenUnderTheNewNameDropsTheCachedOldName() throws Exception {
    LDAP.add(
        "dn: uid=fred,ou=people,"
            + Slapd.BASE
            + "\nobjectClass: inetOrgPerson\nuid: fred\ncn: Fred\nsn: F\nuserPassword: fred-pass-1\n");
    try (LdapDirectory d =
        directory(
            "LDAPSEARCHFILTER",
            "(objectClass=inetOrgPerson)",
            "UIDTYPE",
            "entryUUID",
            "CACHE_TIMEOUT",
            "300")) {
      String uid = d.find("fred").orElseThrow().uid();
      LDAP.rename("fred", "frederick");
      assertEquals("fred", d.find("fred").orElseThrow().username(), "still cached");
      assertEquals(uid, d.find("frederick").orElseThrow().uid());
      assertTrue(d.find("fred").isEmpty(), "the old name is forgotten");
    }
  }

  @Test
  void failsOverToTheSecondUriWhenTheFirstIsDown() throws Exception {
    String down = "ldap://127.0.0.1:" + Slapd.freePort();
    try (LdapDirectory d = directory("LDAPURI", down + ", " + LDAP.uri())) {
      assertTrue(d.authenticate("alice", Slapd.passwordOf("alice")).isPresent());
      assertEquals(4, d.probe());
    }
  }

  @Test
  void servesLdapsAndStartTlsTrustingTheConfiguredCa() {
    String ca = LDAP.caFile().toString();
    try (LdapDirectory d = directory("LDAPURI", LDAP.ldapsUri(), "TLS_CA_FILE", ca)) {
      assertTrue(d.authenticate("alice", Slapd.passwordOf("alice")).isPresent());
    }
    try (LdapDirectory d =
        directory("LDAPURI", LDAP.startTlsUri(), "START_TLS", "1", "TLS_CA_FILE", ca)) {
      assertTrue(d.authenticate("bob", Slapd.passwordOf("bob")).isPresent());
    }
  }

  @Test
  void refusesAServerCertificateNotSignedByATrustedCa() {
    try (LdapDirectory d = directory("LDAPURI", LDAP.ldapsUri())) {
      assertThrows(DirectoryException.class, () -> d.find("alice"));
    }
    try (LdapDirectory d = directory("LDAPURI", LDAP.startTlsUri(), "START_TLS", "1")) {
      assertThrows(DirectoryException.class, () -> d.find("alice"));
    }
  }

  @Test
  void aRefusedServiceBindIsAnOutageNotAMissingUser() {
    try (LdapDirectory d =
        new LdapDirectory(
            "corp", LdapConfig.parse(keys()), "not-the-password", Clock.systemUTC())) {
      assertThrows(DirectoryException.class, () -> d.find("alice"));
    }
  }
}
