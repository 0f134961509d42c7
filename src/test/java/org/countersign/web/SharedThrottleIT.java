package org.countersign.web;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.countersign.it.Api;
import org.countersign.it.OnDefaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pages' sign-in and {@code POST /auth} count failures in one throttle: a lock earned through
 * one refuses the other, for the right password too. Each test uses a user of its own.
 */
class SharedThrottleIT extends OnDefaultServer {

  private static final String PASSWORD = "shared-Passw0rd";
  private static final int MAX_FAILURES = 5;

  Browser browser;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private String failedSignInMessage(String user, String password) {
    browser.submitPassword(user, password);
    browser.awaitElement(".msg.error");
    return browser.find(".msg.error").getText();
  }

  @Test
  void failuresThroughTheApiRefuseThePagesSignInForTheRightPassword() {
    String user = api.newUser(admin, "sharedapi", PASSWORD);
    for (int i = 0; i < MAX_FAILURES; i++) {
      assertEquals(
          401, api.post("auth", form("username", user, "password", "wrong-" + i)).status());
    }
    browser = Browser.open(base, "en");
    String message = failedSignInMessage(user, PASSWORD);
    assertTrue(message.contains("Too many failed sign-ins"), message);
    assertTrue(browser.url().contains("login.xhtml"));
  }

  @Test
  void failuresOnThePagesRefuseTheApiForTheRightPassword() {
    String user = api.newUser(admin, "sharedweb", PASSWORD);
    browser = Browser.open(base, "en");
    for (int i = 0; i < MAX_FAILURES; i++) {
      String message = failedSignInMessage(user, "wrong-" + i);
      assertTrue(message.contains("Sign-in failed"), message);
    }
    Api.Reply r = api.post("auth", form("username", user, "password", PASSWORD));
    assertEquals(429, r.status(), r.body());
    assertTrue(r.headers().firstValue("Retry-After").isPresent());
  }
}
