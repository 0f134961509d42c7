package org.countersign.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.countersign.it.Api;
import org.countersign.it.OnDefaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * Passkeys on the pages in headless Chromium with its virtual authenticator: a person adds a
 * passkey on "Add a passkey", then signs in with it alone, without a user name; a cancelled
 * dialogue can be tried again; a deleted passkey no longer signs in; a person whose only token is a
 * passkey is told so at the password. The pages are reached as {@code localhost}, the default
 * server's relying party.
 */
class PasskeyPagesIT extends OnDefaultServer {

  private static final String PASSWORD = "passkey-Passw0rd!";

  String user;
  Browser browser;

  @BeforeEach
  void setUp() {
    user = api.newUser(admin, "pkweb", PASSWORD);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aPersonAddsAPasskeyAndSignsInWithItAlone() {
    browser = Browser.onLocalhost(base, "en");
    Browser b = browser;
    VirtualAuthenticator device = b.virtualAuthenticator();
    b.signIn(user, PASSWORD);

    String serial = addPasskey(b, "Work laptop");
    List<Credential> stored = device.getCredentials();
    assertEquals(1, stored.size(), "the authenticator holds one new credential");
    assertTrue(stored.get(0).isResidentCredential(), "a discoverable credential");
    JsonObject token = api.token(admin, serial);
    assertEquals("passkey", token.getString("tokentype"));
    assertEquals(user, token.getString("username"));
    assertTrue(token.getBoolean("active"));
    assertEquals("Work laptop", token.getString("description"));

    b.go("tokens.xhtml");
    String row = "tr[data-serial='" + serial + "']";
    assertEquals("active", b.text(row + " .badge"));
    assertEquals("Passkey", b.text(row + " td:nth-child(2)"));
    b.screenshot("passkey-tokens");
    assertEquals(List.of(), b.axeViolations(), "axe on the token list with a passkey");

    b.click("#signout\\:go");
    b.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    signInWithPasskey(b);
    b.await(d -> d.getCurrentUrl().contains("tokens.xhtml"));
    assertTrue(b.find(".who").getText().contains(user), "the credential named the person");
    assertEquals(2, device.getCredentials().get(0).getSignCount(), "one creation, one assertion");

    JsonArray logins = audit("action", "ui_login", "user", user);
    JsonObject last = logins.getJsonObject(0);
    assertEquals(1, last.getInt("success"), last.toString());
    assertEquals(serial, last.getString("serial"));
    assertEquals("passkey", last.getString("info"));
    assertFalse(audit("action", "auth_second_factor", "serial", serial).isEmpty());
  }

  @Test
  void aCancelledDialogueCanBeTriedAgainAndTheWaitingTokenIsNotUsable() {
    browser = Browser.onLocalhost(base, "de");
    Browser b = browser;
    VirtualAuthenticator device = b.virtualAuthenticator();
    b.signIn(user, PASSWORD);
    b.go("passkey.xhtml");
    b.click("#start");
    String serial = b.text("#serial");
    assertEquals("clientwait", api.token(admin, serial).getString("rollout_state"));

    device.setUserVerified(false);
    b.click("#create");
    b.await(d -> b.find("#passkey-error").isDisplayed());
    assertTrue(b.text("#passkey-error").contains("keinen Passkey"), b.text("#passkey-error"));
    b.screenshot("passkey-cancelled-de");
    assertEquals(List.of(), b.axeViolations(), "axe on the German set-up page");
    assertEquals("clientwait", api.token(admin, serial).getString("rollout_state"));

    device.setUserVerified(true);
    b.click("#create");
    b.awaitElement("#done");
    assertEquals("", api.token(admin, serial).getString("rollout_state"));
  }

  @Test
  void aDeletedPasskeyNoLongerSignsInAndThePasswordSaysToUseOne() {
    browser = Browser.onLocalhost(base, "en");
    Browser b = browser;
    b.virtualAuthenticator();
    b.signIn(user, PASSWORD);
    String serial = addPasskey(b, "");
    b.click("#signout\\:go");
    b.await(d -> d.getCurrentUrl().contains("login.xhtml"));

    b.submitPassword(user, PASSWORD);
    b.awaitElement(".msg.error");
    assertTrue(b.find(".msg.error").getText().contains("sign in with it"), b.text(".msg.error"));
    b.screenshot("passkey-password-only");

    api.delete("token/" + serial, admin);
    b.go("login.xhtml");
    signInWithPasskey(b);
    b.awaitElement(".msg.error");
    assertTrue(b.text(".msg.error").contains("not accepted"), b.text(".msg.error"));
    assertTrue(b.url().contains("login.xhtml"));
    assertFalse(b.has(".who"));
    JsonObject refused = audit("action", "auth_second_factor", "success", "0").getJsonObject(0);
    assertEquals("unknown credential", refused.getString("info"));
  }

  @Test
  void thePasskeyPageNeedsASignIn() {
    browser = Browser.onLocalhost(base, "en");
    browser.go("passkey.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    assertTrue(browser.has("#passkey-start"), "the sign-in page offers a passkey");
    assertEquals(List.of(), browser.axeViolations(), "axe on the sign-in page");
    assertNull(api.token(admin, "PIPK-none"));
  }

  private String addPasskey(Browser b, String description) {
    b.go("passkey.xhtml");
    if (!description.isEmpty()) {
      b.type("#description", description);
    }
    b.click("#start");
    b.awaitElement("#create");
    b.screenshot("passkey-create");
    String serial = b.text("#serial");
    b.click("#create");
    b.awaitElement("#done");
    b.screenshot("passkey-done");
    return serial;
  }

  private static void signInWithPasskey(Browser b) {
    b.click("#passkey-start");
    b.awaitElement("#passkey-go");
    b.click("#passkey-go");
  }

  private JsonArray audit(String... pairs) {
    Api.Reply r = api.get("audit/", Api.form(pairs), admin);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonObject("result").getJsonObject("value").getJsonArray("auditdata");
  }
}
