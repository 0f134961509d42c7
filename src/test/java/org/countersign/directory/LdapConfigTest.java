package org.countersign.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapConfigTest {

  private static Map<String, String> keys(String... pairs) {
    Map<String, String> k = new HashMap<>(Map.of("LDAPURI", "ldap://dc1", "LDAPBASE", "dc=x"));
    for (int i = 0; i < pairs.length; i += 2) {
      k.put(pairs[i], pairs[i + 1]);
    }
    return k;
  }

  private static String refusal(String... pairs) {
    return assertThrows(IllegalArgumentException.class, () -> LdapConfig.parse(keys(pairs)))
        .getMessage();
  }

  @Test
  void takesPrivacyIdeasDefaults() {
    LdapConfig c = LdapConfig.parse(keys());
    assertEquals(List.of(new LdapConfig.Server("dc1", 389, false)), c.servers());
    assertEquals(Duration.ofSeconds(5), c.timeout());
    assertEquals(500, c.sizeLimit());
    assertEquals(Duration.ofSeconds(120), c.cacheTimeout());
    assertEquals(LdapConfig.DN, c.uidType());
    assertEquals("uid", c.primaryLogin());
    assertTrue(c.tlsVerify());
    assertFalse(c.startTls());
  }

  @Test
  void readsSeveralUrisInOrderWithTheirDefaultPorts() {
    LdapConfig c = LdapConfig.parse(keys("LDAPURI", "ldaps://dc1.corp, ldap://dc2.corp:3890"));
    assertEquals(
        List.of(
            new LdapConfig.Server("dc1.corp", 636, true),
            new LdapConfig.Server("dc2.corp", 3890, false)),
        c.servers());
  }

  @Test
  void refusesMalformedValuesNamingTheKey() {
    assertTrue(refusal("LDAPURI", "http://dc1").contains("'LDAPURI'"));
    assertTrue(refusal("LDAPURI", " , ").contains("'LDAPURI'"));
    assertTrue(refusal("LDAPSEARCHFILTER", "(uid=").contains("'LDAPSEARCHFILTER'"));
    assertTrue(refusal("USERINFO", "{\"email\": 3}").contains("'USERINFO'"));
    assertTrue(refusal("USERINFO", "not json").contains("'USERINFO'"));
    assertTrue(refusal("TIMEOUT", "0").contains("'TIMEOUT'"));
    assertTrue(refusal("SIZELIMIT", "many").contains("'SIZELIMIT'"));
    assertTrue(refusal("SCOPE", "WIDE").contains("'SCOPE'"));
    assertTrue(refusal("AUTHTYPE", "NTLM").contains("'AUTHTYPE'"));
    assertTrue(refusal("START_TLS", "maybe").contains("'START_TLS'"));
    assertTrue(refusal("TLS_CA_FILE", "/no/such/ca.pem").contains("'TLS_CA_FILE'"));
    assertTrue(refusal("LOGINNAMEATTRIBUTE", "uid)(x").contains("'LOGINNAMEATTRIBUTE'"));
    assertTrue(refusal("LDAPBASE", "").contains("'LDAPBASE'"));
  }

  @Test
  void ignoresStartTlsForLdapsUris() {
    assertFalse(LdapConfig.parse(keys("LDAPURI", "ldaps://dc1", "START_TLS", "True")).startTls());
  }

  @Test
  void writesAndReadsAnObjectGuidTheWayWindowsShowsIt() {
    byte[] raw = java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    String guid = Uids.guid(raw);
    assertEquals("33221100-5544-7766-8899-aabbccddeeff", guid);
    assertEquals(
        java.util.HexFormat.of().formatHex(raw),
        java.util.HexFormat.of().formatHex(Uids.guidBytes(guid).orElseThrow()));
    assertTrue(Uids.guidBytes("33221100-5544-7766-8899").isEmpty());
  }
}
