package org.countersign.web;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.countersign.it.Api;
import org.countersign.it.OnDefaultServer;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operators' "Directories" page: every resolver with its address and its state on this node (a
 * directory that answers, one that does not), the realms over them with their priorities, and
 * making a realm the default, audited with the administrator.
 */
class DirectoriesPageIT extends OnDefaultServer {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  private final String suffix = Long.toHexString(System.nanoTime());
  private final String answering = "corp" + suffix;
  private final String silent = "gone" + suffix;
  private final String realm = "staff" + suffix;
  private Browser browser;

  @BeforeEach
  void directories() {
    assertEquals(
        200, api.post("resolver/" + answering, Slapd.resolverForm(LDAP.uri()), admin).status());
    assertEquals(
        200,
        api.post("resolver/" + silent, Slapd.resolverForm("ldap://127.0.0.1:9"), admin).status());
    Api.Reply r =
        api.post(
            "realm/" + realm,
            form(
                "resolvers",
                answering + "," + silent,
                "priority." + answering,
                "1",
                "priority." + silent,
                "2"),
            admin);
    assertEquals(200, r.status(), r.body());
  }

  @AfterEach
  void cleanUp() {
    if (browser != null) {
      browser.close();
    }
    api.post("defaultrealm/default", Map.of(), admin);
    api.delete("realm/" + realm, admin);
    api.delete("resolver/" + answering, admin);
    api.delete("resolver/" + silent, admin);
  }

  @Test
  void showsResolversWithTheirStateAndRealmsAndMakesARealmTheDefault() {
    browser = Browser.open(base, "en");
    Browser b = browser;
    signInAsAdmin(b);
    b.click("#nav-directories");
    b.awaitElement("#resolver-table");

    String up = "tr[data-resolver='" + answering + "']";
    String down = "tr[data-resolver='" + silent + "']";
    assertEquals("answering", b.text(up + " .badge"));
    assertEquals("not answering", b.text(down + " .badge"));
    assertEquals(LDAP.uri(), b.text(up + " td:nth-child(3)"));
    assertEquals(Slapd.BASE, b.text(up + " td:nth-child(4)"));
    assertEquals(realm, b.text(up + " td:nth-child(6)"));
    assertEquals("available", b.text("tr[data-resolver='builtin'] .badge"));
    assertFalse(b.find("#resolver-table").getText().contains(Slapd.BIND_PASSWORD));

    String row = "tr[data-realm='" + realm + "']";
    assertEquals(answering + " (1), " + silent + " (2)", b.text(row + " td:nth-child(2)"));
    b.screenshot("admin-directories");
    assertEquals(List.of(), b.axeViolations(), "axe on the directories page");

    b.submit(row + " input[value='Make default']");
    b.awaitElement(".msg.info");
    assertTrue(b.text(".msg.info").contains(realm), b.text(".msg.info"));
    assertEquals("default", b.text(row + " .badge"));
    JsonObject realms = api.get("realm/", Map.of(), admin).result().getJsonObject("value");
    assertTrue(realms.getJsonObject(realm).getBoolean("default"), realms.toString());
    JsonArray audited =
        api.get("audit/", form("action", "realm_default", "administrator", "admin"), admin)
            .result()
            .getJsonObject("value")
            .getJsonArray("auditdata");
    assertTrue(audited.getJsonObject(0).getString("info").contains(realm), audited.toString());
  }

  @Test
  void germanOperatorsReadTheStatesInGerman() {
    browser = Browser.open(base, "de");
    Browser b = browser;
    signInAsAdmin(b);
    b.go("admin/directories.xhtml");
    assertEquals("antwortet nicht", b.text("tr[data-resolver='" + silent + "'] .badge"));
    assertEquals("Verzeichnisse", b.text("h1"));
    b.screenshot("admin-directories-de");
  }

  private static void signInAsAdmin(Browser b) {
    b.signInAsAdmin("admin", Api.ADMIN_PASSWORD);
  }
}
