package org.countersign.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.countersign.it.Api;
import org.countersign.it.Codes;
import org.countersign.it.OnDefaultServer;
import org.countersign.it.QrImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The self-service pages in headless Chromium: sign-in and sign-out, the token list and its
 * confirmed actions, setting up an authenticator app (with resume and start over) and the tiqr app
 * (with the app simulator), the languages, the security headers, and an axe-core scan of every
 * page. Each test signs in a user of its own.
 */
class SelfServiceIT extends OnDefaultServer {

  private static final String PASSWORD = "web-Passw0rd!";
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_HANDLER =
      Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  String user;
  Browser browser;

  @BeforeEach
  void setUp() {
    user = api.newUser(admin, "web", PASSWORD);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private Browser english() {
    browser = Browser.open(base, "en");
    return browser;
  }

  @Test
  void signInChangesTheSessionIdAndSignOutEndsTheSession() {
    Browser b = english();
    b.go("login.xhtml");
    b.screenshot("login");
    String before = b.cookie("JSESSIONID");
    assertNotNull(before, "the sign-in page starts a session for its form state");
    b.signIn(user, PASSWORD);
    String after = b.cookie("JSESSIONID");
    assertNotNull(after);
    assertNotEquals(before, after, "the session id must change at sign-in");
    assertTrue(b.find(".who").getText().contains(user));
    assertTrue(b.has(".empty"), "a new user has no tokens");
    b.screenshot("tokens-empty");

    b.click("#signout\\:go");
    b.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    assertTrue(b.has("#signedout"));
    b.screenshot("signed-out");
    b.go("tokens.xhtml");
    b.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    assertFalse(b.has(".who"));
  }

  @Test
  void pagesRequireSignIn() {
    Browser b = english();
    for (String page : List.of("tokens.xhtml", "totp.xhtml", "tiqr.xhtml", "")) {
      b.go(page);
      b.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    }
  }

  @Test
  void wrongPasswordIsRejectedAndRepeatedFailuresAreThrottledEvenForTheRightPassword() {
    Browser b = english();
    b.go("login.xhtml");
    b.type("#username", user);
    b.type("#password", "wrong-password");
    b.submit("#submit");
    b.awaitElement(".msg.error");
    assertTrue(
        b.find(".msg.error").getText().contains("Sign-in failed"), b.find(".msg.error").getText());
    for (int i = 0; i < 4; i++) {
      b.type("#username", user);
      b.type("#password", "wrong-password");
      b.submit("#submit");
    }
    b.type("#username", user);
    b.type("#password", PASSWORD);
    b.submit("#submit");
    b.awaitElement(".msg.error");
    String message = b.find(".msg.error").getText();
    assertTrue(message.contains("Too many failed sign-ins"), message);
    assertTrue(b.url().contains("login.xhtml"));
    b.screenshot("login-throttled");
  }

  @Test
  void totpSetUpBecomesUsableOnlyAfterTheCodeComputedFromTheSecretOnThePageIsConfirmed() {
    Browser b = english();
    b.signIn(user, PASSWORD);
    b.go("totp.xhtml");
    b.screenshot("totp-intro");
    b.type("#description", "Phone");
    b.click("#start");
    b.awaitElement("#secret");
    b.screenshot("totp-scan");

    String secret = b.text("#secret").replace(" ", "");
    String serial = b.text("#serial");
    String uri = b.find("#otpauth").getAttribute("href");
    assertTrue(
        b.text("#secret").matches("([A-Z2-7]{4} )*[A-Z2-7]{1,4}"),
        "grouped by four: " + b.text("#secret"));
    assertTrue(uri.startsWith("otpauth://totp/") && uri.contains("secret=" + secret), uri);
    assertEquals(
        uri,
        QrImages.decode(b.find("#qr").getAttribute("src")),
        "the QR code holds the link shown");
    assertFalse(b.find("#qr").getAttribute("alt").isBlank());
    assertEquals("verify", api.token(admin, serial).getString("rollout_state"));

    b.type("#code", "000000".equals(codes(secret).totpNow()) ? "111111" : "000000");
    b.click("#confirm");
    b.awaitElement(".msg.error");
    assertEquals("verify", api.token(admin, serial).getString("rollout_state"));

    Codes codes = codes(secret);
    codes.awayFromStepEdge();
    b.type("#code", codes.totpNow());
    b.click("#confirm");
    b.awaitElement("#done");
    b.screenshot("totp-done");
    assertEquals("", api.token(admin, serial).getString("rollout_state"));
    assertEquals("Phone", api.token(admin, serial).getString("description"));
    assertTrue(
        api.check("user", user, "pass", codes.totpStep(1)).value(), "the confirmed token signs in");
  }

  @Test
  void abandonedTotpSetUpResumesWithTheSameSecretAndStartOverDiscardsIt() {
    Browser b = english();
    b.signIn(user, PASSWORD);
    b.go("totp.xhtml");
    b.click("#start");
    b.awaitElement("#secret");
    String secret = b.text("#secret");
    String serial = b.text("#serial");
    String qr = b.find("#qr").getAttribute("src");

    b.go("tokens.xhtml");
    assertEquals("awaiting confirmation", b.text("tr[data-serial='" + serial + "'] .badge"));
    b.screenshot("tokens-pending");
    b.find("tr[data-serial='" + serial + "'] a.button").click();
    b.awaitElement("#resumed");
    b.screenshot("totp-resumed");
    assertEquals(secret, b.text("#secret"), "the same secret");
    assertEquals(serial, b.text("#serial"), "the same token");
    assertEquals(
        QrImages.decode(qr),
        QrImages.decode(b.find("#qr").getAttribute("src")),
        "the same QR code");

    b.click("#restart");
    b.await(d -> !b.text("#serial").equals(serial));
    assertNotEquals(secret, b.text("#secret"), "a new secret");
    assertNull(api.token(admin, serial), "the old secret is discarded with its token");
    assertEquals("verify", api.token(admin, b.text("#serial")).getString("rollout_state"));
  }

  @Test
  void tiqrSetUpUpdatesByItselfWhenTheAppRegistersAndTheTestLoginIsAnswered() {
    Browser b = english();
    b.signIn(user, PASSWORD);
    b.go("tiqr.xhtml");
    b.screenshot("tiqr-intro");
    b.click("#start");
    b.awaitElement("#qr-value");
    b.screenshot("tiqr-scan");
    String enrol = b.text("#qr-value");
    assertTrue(enrol.startsWith("tiqrenroll://"), enrol);
    assertEquals(enrol, QrImages.decode(b.find("#qr").getAttribute("src")));
    b.script("window.countersignNoReload = 'still here';");

    TiqrAppSimulator app = new TiqrAppSimulator();
    assertEquals("OK", app.enrol(enrol));
    b.awaitElement("#registered");
    assertEquals(
        "still here",
        b.script("return window.countersignNoReload;"),
        "updated by ajax, not reloaded");
    b.screenshot("tiqr-registered");

    b.click("#test");
    b.await(d -> b.has("#qr-value") && b.text("#qr-value").startsWith("tiqrauth://"));
    b.screenshot("tiqr-challenge");
    b.script("window.countersignNoReload = 'still here';");
    assertEquals("OK", app.answer(b.text("#qr-value")));
    b.awaitElement("#done");
    assertEquals(
        "still here",
        b.script("return window.countersignNoReload;"),
        "updated by ajax, not reloaded");
    b.screenshot("tiqr-done");

    b.go("tokens.xhtml");
    assertEquals(1, b.all("tr[data-serial] .state-active").size(), "the tiqr token is active");
  }

  @Test
  void disableEnableAndDeleteOwnTokenEachAskForConfirmationAndOthersTokensStayHidden() {
    Totp laptop = totpOf(user, "Laptop");
    String serial = laptop.serial();
    String other = api.newUser(admin, "other", PASSWORD);
    String othersSerial = api.enrol(admin, "type", "totp", "genkey", "1", "user", other);
    Browser b = english();
    b.signIn(user, PASSWORD, laptop.codes().totpNow());
    String row = "tr[data-serial='" + serial + "']";
    assertTrue(b.has(row));
    assertFalse(
        b.has("tr[data-serial='" + othersSerial + "']"), "another user's token is not listed");
    assertEquals("active", b.text(row + " .badge"));
    assertNotEquals("never", b.text(row + " td:nth-child(5)"), "the sign-in has just used it");
    b.screenshot("tokens");

    b.find(row + " input[value='Disable']").click();
    b.awaitElement("#confirm");
    b.screenshot("tokens-confirm");
    b.click("#confirm-no");
    b.await(d -> !b.has("#confirm"));
    assertTrue(api.token(admin, serial).getBoolean("active"), "cancel changes nothing");

    b.find(row + " input[value='Disable']").click();
    b.click("#confirm-yes");
    b.await(d -> "disabled".equals(b.text(row + " .badge")));
    assertFalse(api.token(admin, serial).getBoolean("active"));

    b.find(row + " input[value='Enable']").click();
    b.click("#confirm-yes");
    b.await(d -> "active".equals(b.text(row + " .badge")));
    assertTrue(api.token(admin, serial).getBoolean("active"));

    b.find(row + " input[value='Delete']").click();
    assertTrue(b.text("#confirm").contains(serial));
    b.click("#confirm-yes");
    b.await(d -> !b.has(row));
    assertNull(api.token(admin, serial));
    assertNotNull(api.token(admin, othersSerial));
  }

  @Test
  void formWithForgedViewStateDoesNothing() {
    Totp totp = totpOf(user, "Phone");
    String serial = totp.serial();
    Browser b = english();
    b.signIn(user, PASSWORD, totp.codes().totpNow());
    b.find("tr[data-serial='" + serial + "'] input[value='Delete']").click();
    b.awaitElement("#confirm-yes");
    b.script(
        "document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
            + ".forEach(function (e) { e.value = 'forged'; });");
    b.click("#confirm-yes");
    b.await(d -> b.has("tr[data-serial='" + serial + "']") && !b.has("#confirm"));
    assertNotNull(
        api.token(admin, serial), "a post without the view state of the page must not act");
  }

  @Test
  void germanBrowserGetsGermanPages() {
    browser = Browser.open(base, "de");
    Browser b = browser;
    b.go("login.xhtml");
    assertEquals("de", b.find("html").getAttribute("lang"));
    assertEquals("Anmelden", b.find("h1").getText());
    b.screenshot("de-login");
    b.signIn(user, PASSWORD);
    assertEquals("Meine Token", b.find("h1").getText());
    b.go("totp.xhtml");
    assertEquals("Authenticator-App einrichten", b.find("h1").getText());
    b.click("#start");
    b.awaitElement("#secret");
    assertEquals("Code eingeben", b.text("#confirm-title").replaceAll("^\\d\\s*", ""));
    b.screenshot("de-totp-scan");
  }

  @Test
  void pagesSendSecurityHeadersAndHaveNoInlineScript() {
    Api.Reply login = api.send(api.request("ui/login.xhtml", null).GET());
    assertEquals(200, login.status());
    String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(
        csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
            && !csp.contains("unsafe-eval"),
        csp);
    assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(
        login.body().contains("jakarta.faces.ViewState"), "every form carries the view state");

    Browser b = english();
    b.signIn(user, PASSWORD);
    b.go("totp.xhtml");
    b.click("#start");
    b.awaitElement("#secret");
    for (String page : List.of("login.xhtml", "tokens.xhtml", "totp.xhtml", "tiqr.xhtml")) {
      b.go(page);
      String html = b.driver().getPageSource();
      assertFalse(INLINE_SCRIPT.matcher(html).find(), page + " has an inline script");
      assertFalse(INLINE_HANDLER.matcher(html).find(), page + " has an inline event handler");
    }
    Api.Reply css =
        api.send(api.request("ui/jakarta.faces.resource/css/countersign.css", null).GET());
    assertEquals(200, css.status());
    assertNotEquals("no-store", css.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void axeFindsNoSeriousOrCriticalViolationOnAnyPage() {
    Totp laptop = totpOf(user, "Laptop");
    String serial = laptop.serial();
    Browser b = english();
    List<String> found = new ArrayList<>();
    b.go("login.xhtml");
    scan(b, "login", found);
    b.submitPassword(user, PASSWORD);
    b.awaitElement("#code");
    scan(b, "login-code", found);
    b.submitCode(laptop.codes().totpNow());
    b.await(d -> d.getCurrentUrl().contains("tokens.xhtml"));
    scan(b, "tokens", found);
    b.find("tr[data-serial='" + serial + "'] input[value='Delete']").click();
    b.awaitElement("#confirm");
    scan(b, "tokens-confirm", found);
    b.go("totp.xhtml");
    scan(b, "totp-intro", found);
    b.click("#start");
    b.awaitElement("#secret");
    scan(b, "totp-scan", found);
    b.go("tiqr.xhtml");
    scan(b, "tiqr-intro", found);
    b.click("#start");
    b.awaitElement("#qr-value");
    scan(b, "tiqr-scan", found);
    b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    b.go("tokens.xhtml");
    b.screenshot("tokens-phone");
    scan(b, "tokens-phone", found);
    b.go("totp.xhtml");
    b.screenshot("totp-phone");
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  private static void scan(Browser b, String page, List<String> found) {
    b.axeViolations().forEach(v -> found.add(page + ": " + v));
  }

  /** A TOTP token the admin enrolled for the person, with the codes it accepts. */
  private record Totp(String serial, Codes codes) {}

  private Totp totpOf(String owner, String description) {
    Api.Reply r =
        api.init(admin, "type", "totp", "genkey", "1", "user", owner, "description", description);
    assertEquals(200, r.status(), r.body());
    return new Totp(
        r.detail().getString("serial"),
        Codes.fromOtpauth(r.detail().getJsonObject("googleurl").getString("value")));
  }

  @Test
  void personWithATokenSignsInOnlyWithItsCodeAfterThePassword() {
    Totp totp = totpOf(user, "Phone");
    Browser b = english();
    b.submitPassword(user, PASSWORD);
    b.awaitElement("#code");
    b.screenshot("login-code");
    assertFalse(b.has(".who"), "the password alone signs nobody in");
    b.go("tokens.xhtml");
    b.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    b.awaitElement("#code");

    String right = totp.codes().totpNow();
    b.submitCode("000000".equals(right) ? "111111" : "000000");
    b.awaitElement(".msg.error");
    assertFalse(b.has(".who"));
    b.submitCode(right);
    b.await(d -> d.getCurrentUrl().contains("tokens.xhtml"));
    assertTrue(b.has("tr[data-serial='" + totp.serial() + "']"));
  }

  @Test
  void personWithATiqrTokenSignsInWhenTheAppAnswers() {
    Browser b = english();
    b.signIn(user, PASSWORD);
    b.go("tiqr.xhtml");
    b.click("#start");
    b.awaitElement("#qr-value");
    TiqrAppSimulator app = new TiqrAppSimulator();
    assertEquals("OK", app.enrol(b.text("#qr-value")));
    b.awaitElement("#registered");
    b.close();

    Browser again = english();
    again.submitPassword(user, PASSWORD);
    again.awaitElement("#qr");
    again.screenshot("login-tiqr");
    assertEquals("OK", app.answer(QrImages.decode(again.find("#qr").getAttribute("src"))));
    again.await(d -> d.getCurrentUrl().contains("tokens.xhtml"));
  }

  @Test
  void passwordSessionEndsWhenATokenIsAddedElsewhere() {
    Browser b = english();
    b.signIn(user, PASSWORD);
    b.go("tokens.xhtml");
    assertTrue(b.has(".who"));
    totpOf(user, "Added by the admin");
    b.go("tokens.xhtml");
    b.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    assertFalse(b.has(".who"), "a password session cannot manage a token it did not set up");
  }

  private static Codes codes(String base32) {
    return Codes.fromOtpauth("otpauth://totp/x?secret=" + base32 + "&digits=6&period=30");
  }
}
