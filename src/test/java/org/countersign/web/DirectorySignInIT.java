package org.countersign.web;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.countersign.it.OnDefaultServer;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/** A user of an OpenLDAP realm signs in on the self-service pages with their directory password. */
class DirectorySignInIT extends OnDefaultServer {

  @RegisterExtension static final Slapd LDAP = new Slapd();

  private Browser browser;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private String directoryRealm() {
    String resolver = "web" + Long.toHexString(System.nanoTime());
    Map<String, String> keys = Slapd.resolverForm(LDAP.uri());
    assertEquals(200, api.post("resolver/" + resolver, keys, admin).status());
    String realm = "webcorp" + Long.toHexString(System.nanoTime());
    assertEquals(200, api.post("realm/" + realm, form("resolvers", resolver), admin).status());
    return realm;
  }

  @Test
  void aDirectoryUserChoosesTheirRealmAndSignsInWithTheDirectoryPassword() {
    String realm = directoryRealm();
    browser = Browser.open(base, "en");
    Browser b = browser;
    b.go("login.xhtml");
    new Select(b.find("#realm")).selectByValue(realm);
    b.type("#username", "dave");
    b.type("#password", "wrong-password");
    b.submit("#submit");
    b.awaitElement(".msg.error");
    assertTrue(b.find(".msg.error").getText().contains("Sign-in failed"));

    new Select(b.find("#realm")).selectByValue(realm);
    b.type("#username", "dave");
    b.type("#password", Slapd.passwordOf("dave"));
    b.submit("#submit");
    b.await(d -> d.getCurrentUrl().contains("tokens.xhtml"));
    assertTrue(b.find(".who").getText().contains("dave"), b.find(".who").getText());
    b.screenshot("directory-signed-in");
  }
}
