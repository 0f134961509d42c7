package org.countersign.directory;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The directory stopped and started again: fast failures, the cache, and recovery by itself. */
class DirectoryOutageTest {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  private static LdapDirectory directory(String cacheTimeout) {
    Map<String, String> k =
        Map.of(
            "LDAPURI",
            LDAP.uri(),
            "LDAPBASE",
            Slapd.BASE,
            "BINDDN",
            Slapd.BIND_DN,
            "LOGINNAMEATTRIBUTE",
            "uid",
            "TIMEOUT",
            "2",
            "CACHE_TIMEOUT",
            cacheTimeout);
    return new LdapDirectory("corp", LdapConfig.parse(k), Slapd.BIND_PASSWORD, Clock.systemUTC());
  }

  @Test
  void failsFastWhileTheDirectoryIsAwayAndRecoversWhenItIsBack() throws Exception {
    try (LdapDirectory cached = directory("120");
        LdapDirectory uncached = directory("0")) {
      assertTrue(cached.find("alice").isPresent());
      assertTrue(uncached.find("alice").isPresent());
      LDAP.stop();
      try {
        assertTrue(cached.find("alice").isPresent(), "a cached look-up needs no directory");
        long started = System.nanoTime();
        assertThrows(DirectoryException.class, () -> uncached.find("alice"));
        assertThrows(
            DirectoryException.class,
            () -> cached.authenticate("alice", Slapd.passwordOf("alice")));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 4_500, "two failed operations took " + millis + " ms");
      } finally {
        LDAP.start();
      }
      assertTrue(uncached.find("bob").isPresent());
      assertTrue(cached.authenticate("alice", Slapd.passwordOf("alice")).isPresent());
    }
  }
}
