package org.countersign.web;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.countersign.it.Api;
import org.countersign.it.ClusterDatabase;
import org.countersign.it.ClusterNode;
import org.countersign.it.Codes;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A directory user enrols an authenticator app on the pages of one node and authenticates through
 * the API of the other, both sharing one PostgreSQL: the realm made on the first node reaches the
 * second, and the token enrolled on the second serves the first. PostgreSQL pass only.
 */
class DirectoryClusterPagesIT {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  static ClusterNode a;
  static ClusterNode b;

  @BeforeAll
  static void startTwoNodes() {
    Assumptions.assumeTrue(
        ClusterDatabase.onPostgres(), "needs the PostgreSQL pass (profile postgres-it)");
    Path dir = Path.of(System.getProperty("it.dir", "target/it"), "dirpages").toAbsolutePath();
    ClusterDatabase db = ClusterDatabase.fresh("dirpages", dir);
    Map<String, String> props = new LinkedHashMap<>(db.serverProperties());
    props.put("countersign.data.dir", dir.resolve("shared").toString());
    a = ClusterNode.of("dir-a", dir.resolve("a"), props).start();
    b = ClusterNode.of("dir-b", dir.resolve("b"), props).start();
  }

  @AfterAll
  static void stopNodes() {
    if (b != null) {
      b.stop();
    }
    if (a != null) {
      a.stop();
    }
  }

  @Test
  void aDirectoryUserEnrolsOnNodeBsPagesAndAuthenticatesThroughNodeA() throws Exception {
    String admin = a.api().adminJwt();
    String resolver = "cp" + Long.toHexString(System.nanoTime());
    Map<String, String> keys = Slapd.resolverForm(LDAP.uri());
    assertEquals(200, a.api().post("resolver/" + resolver, keys, admin).status());
    String realm = "cpcorp" + Long.toHexString(System.nanoTime());
    assertEquals(200, a.api().post("realm/" + realm, form("resolvers", resolver), admin).status());

    try (Browser page = Browser.open(url(b), "en")) {
      // node B offers the realm once it has seen the change (it rechecks about once a second)
      long deadline = System.nanoTime() + 10_000_000_000L;
      page.go("login.xhtml");
      while (page.driver()
          .findElements(By.cssSelector("#realm option[value='" + realm + "']"))
          .isEmpty()) {
        assertTrue(System.nanoTime() < deadline, "node B never offered realm " + realm);
        Thread.sleep(300);
        page.go("login.xhtml");
      }
      new Select(page.find("#realm")).selectByValue(realm);
      page.type("#username", "carol");
      page.type("#password", Slapd.passwordOf("carol"));
      page.submit("#submit");
      page.await(d -> d.getCurrentUrl().contains("tokens.xhtml"));

      page.go("totp.xhtml");
      page.type("#description", "Phone");
      page.click("#start");
      page.awaitElement("#secret");
      String secret = page.text("#secret").replace(" ", "");
      Codes codes = Codes.fromOtpauth("otpauth://totp/x?secret=" + secret + "&digits=6&period=30");
      codes.awayFromStepEdge();
      page.type("#code", codes.totpNow());
      page.click("#confirm");
      page.awaitElement("#done");
      page.screenshot("directory-cluster-enrolled");

      String code = codes.totpStep(1);
      Api.Reply onA = a.api().check("user", "carol", "realm", realm, "pass", code);
      assertTrue(onA.value(), "node A accepts the token enrolled on node B: " + onA.body());
      assertFalse(
          b.api().check("user", "carol", "realm", realm, "pass", code).value(),
          "and node B refuses the same code again");
    }
  }

  private static java.net.URL url(ClusterNode node) throws MalformedURLException {
    return node.api().base().toURL();
  }
}
