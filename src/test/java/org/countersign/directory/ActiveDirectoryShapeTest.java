package org.countersign.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Active-Directory-shaped directory (sAMAccountName logins, a binary objectGUID as the stable
 * id, users under CN=Users), served by UnboundID's in-memory server.
 */
class ActiveDirectoryShapeTest {

  private static final String BASE = "DC=corp,DC=example";
  private static final String SERVICE = "CN=svc-mfa,CN=Users," + BASE;
  private static final byte[] GUID = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
  private static InMemoryDirectoryServer server;

  @BeforeAll
  static void start() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setSchema(null);
    config.addAdditionalBindCredentials(SERVICE, "svc-secret-1");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    server = new InMemoryDirectoryServer(config);
    server.add(
        new Entry(BASE, new Attribute("objectClass", "domain"), new Attribute("dc", "corp")));
    server.add(
        new Entry(
            "CN=Users," + BASE,
            new Attribute("objectClass", "container"),
            new Attribute("cn", "Users")));
    server.add(
        new Entry(
            "CN=Alice Archer,CN=Users," + BASE,
            new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
            new Attribute("cn", "Alice Archer"),
            new Attribute("sAMAccountName", "aarcher"),
            new Attribute("userPrincipalName", "aarcher@corp.example"),
            new Attribute("givenName", "Alice"),
            new Attribute("sn", "Archer"),
            new Attribute("mail", "alice.archer@corp.example"),
            new Attribute("objectGUID", GUID),
            new Attribute("userPassword", "Winter-2026!")));
    server.startListening();
  }

  @AfterAll
  static void stop() {
    server.shutDown(true);
  }

  private static LdapDirectory directory() {
    LdapConfig config =
        LdapConfig.parse(
            Map.of(
                "LDAPURI", "ldap://127.0.0.1:" + server.getListenPort(),
                "LDAPBASE", BASE,
                "BINDDN", SERVICE,
                "LOGINNAMEATTRIBUTE", "sAMAccountName, userPrincipalName",
                "LDAPSEARCHFILTER", "(&(objectClass=person)(objectClass=user))",
                "UIDTYPE", "objectGUID",
                "USERINFO", "{\"givenname\":\"givenName\",\"surname\":\"sn\",\"email\":\"mail\"}"));
    return new LdapDirectory("ad", config, "svc-secret-1", Clock.systemUTC());
  }

  @Test
  void findsByEitherLoginAttributeWithTheGuidAsWindowsWritesIt() {
    try (LdapDirectory d = directory()) {
      DirectoryUser alice = d.find("aarcher").orElseThrow();
      assertEquals("33221100-5544-7766-8899-aabbccddeeff", alice.uid());
      assertEquals("aarcher", alice.username());
      assertEquals("alice.archer@corp.example", alice.first("email"));
      assertEquals("aarcher", d.find("aarcher@corp.example").orElseThrow().username());
      assertEquals("aarcher", d.byUid(alice.uid()).orElseThrow().username());
      assertTrue(d.byUid("not-a-guid").isEmpty());
    }
  }

  @Test
  void bindsAsTheUsersDistinguishedName() {
    try (LdapDirectory d = directory()) {
      assertTrue(d.authenticate("aarcher", "Winter-2026!").isPresent());
      assertTrue(d.authenticate("aarcher", "Summer-2026!").isEmpty());
    }
  }
}
