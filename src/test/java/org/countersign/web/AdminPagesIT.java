package org.countersign.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.net.http.HttpRequest;
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
 * The operators' pages under /ui/admin/ in headless Chromium: the administrator's sign-in (its own
 * session, throttled), that no person's session and no JWT reaches them, each action on users and
 * tokens as the REST API then reports it and as the audit trail records it (naming the
 * administrator), the audit trail's filters, paging and CSV export, the policies, German texts, and
 * an axe-core scan of every page.
 */
class AdminPagesIT extends OnDefaultServer {

  private static final String PASSWORD = "web-Passw0rd!";
  private static final String RFC_KEY = "3132333435363738393031323334353637383930";
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_HANDLER =
      Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  String user;
  Browser browser;

  @BeforeEach
  void setUp() {
    user = api.newUser(admin, "adm", PASSWORD);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private Browser open(String language) {
    browser = Browser.open(base, language);
    return browser;
  }

  /** Signs the administrator in on the operators' sign-in page. */
  private static void signInAsAdmin(Browser b) {
    b.signInAsAdmin("admin", Api.ADMIN_PASSWORD);
  }

  /** The newest audit entries with these filters, as GET /audit/ reports them. */
  private JsonArray audit(String... filters) {
    Api.Reply r = api.get("audit/", Api.form(filters), admin);
    assertEquals(200, r.status(), r.body());
    return r.result().getJsonObject("value").getJsonArray("auditdata");
  }

  private void assertAudited(String action, String field, String value) {
    JsonArray rows = audit("action", action, field, value, "administrator", "admin");
    assertFalse(rows.isEmpty(), action + " of " + value + " is audited naming the administrator");
    assertEquals(1, rows.getJsonObject(0).getInt("success"));
  }

  private static Api.Reply pageRequest(Api api, String page, String cookie, String jwt) {
    HttpRequest.Builder r = api.request("ui/admin/" + page, jwt).GET();
    if (cookie != null) {
      r.header("Cookie", "JSESSIONID=" + cookie);
    }
    return api.send(r);
  }

  @Test
  void adminSignInStartsANewSessionAndIsAuditedAndSignOutEndsIt() {
    Browser b = open("en");
    b.go("admin/users.xhtml");
    b.await(d -> d.getCurrentUrl().contains("admin/login.xhtml"));
    b.screenshot("admin-login");
    String before = b.cookie("JSESSIONID");
    assertNotNull(before);
    signInAsAdmin(b);
    assertNotEquals(before, b.cookie("JSESSIONID"), "the session id must change at sign-in");
    assertEquals("admin", b.text(".who"));
    JsonArray logins = audit("action", "ui_admin_login", "administrator", "admin", "success", "1");
    assertFalse(logins.isEmpty());

    b.go("tokens.xhtml");
    b.await(d -> d.getCurrentUrl().endsWith("/ui/login.xhtml"));
    assertFalse(b.has(".who"), "an admin session is no person's session of the self-service pages");

    b.go("admin/users.xhtml");
    b.click("#signout\\:go");
    b.await(d -> d.getCurrentUrl().contains("admin/login.xhtml"));
    assertTrue(b.has("#signedout"));
    assertFalse(audit("action", "ui_admin_logout", "administrator", "admin").isEmpty());
    b.go("admin/audit.xhtml");
    b.await(d -> d.getCurrentUrl().contains("admin/login.xhtml"));
  }

  @Test
  void aPersonsSessionNeverReachesTheAdminPages() {
    Browser b = open("en");
    b.signIn(user, PASSWORD);
    String personSession = b.cookie("JSESSIONID");
    assertEquals(
        302, pageRequest(api, "users.xhtml", personSession, null).status(), "a person's cookie");
    assertEquals(302, pageRequest(api, "audit.csv", personSession, null).status());
    for (String page :
        List.of("users.xhtml", "tokens.xhtml", "audit.xhtml", "policies.xhtml", "")) {
      b.go("admin/" + page);
      b.await(d -> d.getCurrentUrl().contains("admin/login.xhtml"));
      assertFalse(b.has("#nav-users"), page);
    }
  }

  @Test
  void noJwtReachesTheAdminPagesNotEvenAnAdminsOne() {
    String userJwt = api.login(user, PASSWORD);
    for (String jwt : List.of(userJwt, admin)) {
      for (String page : List.of("users.xhtml", "tokens.xhtml", "audit.xhtml", "audit.csv")) {
        Api.Reply r = pageRequest(api, page, null, jwt);
        assertEquals(302, r.status(), page);
        assertTrue(
            r.headers().firstValue("Location").orElse("").endsWith("/ui/admin/login.xhtml"),
            r.headers().toString());
        assertFalse(r.body().contains("auditdata") || r.body().contains("number,date"), page);
      }
    }
  }

  @Test
  void wrongAdminPasswordIsRejectedAndRepeatedFailuresAreThrottledOnThePagesAndTheApi() {
    // The account name is the throttle's key; a name of this test's own keeps "admin" usable for
    // the other tests on this server. An unknown name and a known one are throttled alike.
    String name = "ops" + Long.toHexString(System.nanoTime());
    Browser b = open("en");
    b.go("admin/login.xhtml");
    for (int i = 0; i < 5; i++) {
      b.type("#username", name);
      b.type("#password", "wrong-password");
      b.submit("#submit");
      b.awaitElement(".msg.error");
      if (i == 0) {
        assertTrue(b.text(".msg.error").contains("Sign-in failed"), b.text(".msg.error"));
      }
    }
    b.type("#username", name);
    b.type("#password", "wrong-password");
    b.submit("#submit");
    b.awaitElement(".msg.error");
    assertTrue(b.text(".msg.error").contains("Too many failed sign-ins"), b.text(".msg.error"));
    b.screenshot("admin-login-throttled");
    JsonArray refused = audit("action", "ui_admin_login", "user", name, "success", "0");
    assertTrue(refused.getJsonObject(0).getString("info").startsWith("throttled"));
    // The same keys as POST /auth: the API refuses this account now too.
    Api.Reply r = api.post("auth", Api.form("username", name, "password", "whatever-pass"));
    assertEquals(429, r.status(), r.body());
  }

  @Test
  void usersAreFoundCreatedAndDeletedOnThePageAsTheApiThenReports() {
    Browser b = open("en");
    signInAsAdmin(b);
    b.type("#q", user);
    b.submit("#search");
    b.awaitElement("tr[data-user='" + user + "']");
    assertEquals(1, b.all("#user-table tbody tr").size());
    b.screenshot("admin-users");

    String created = "made" + Long.toHexString(System.nanoTime());
    b.type("#new-name", created);
    b.type("#new-password", "short");
    b.submit("#create-user");
    b.awaitElement(".msg.error");
    assertTrue(b.text(".msg.error").contains("at least 8"), b.text(".msg.error"));
    b.type("#new-name", created);
    b.type("#new-password", PASSWORD);
    b.type("#new-given", "Ada");
    b.type("#new-surname", "Lovelace");
    b.submit("#create-user");
    b.awaitElement("tr[data-user='" + created + "']");
    assertTrue(b.text(".msg.info").contains(created));
    assertNotNull(api.login(created, PASSWORD), "the new user signs in with the password set");
    assertAudited("user_create", "user", created);

    b.find("tr[data-user='" + created + "'] input[value='Delete']").click();
    b.awaitElement("#confirm");
    b.screenshot("admin-users-confirm");
    b.submit("#confirm-yes");
    b.awaitElement(".msg.info");
    assertFalse(b.has("tr[data-user='" + created + "']"));
    Api.Reply list = api.get("user/", Api.form("username", created), admin);
    assertEquals(0, list.result().getJsonArray("value").size(), list.body());
    assertAudited("user_delete", "user", created);
  }

  @Test
  void tokenActionsOnThePageChangeWhatTheApiReportsAndAreAuditedWithTheAdministrator() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user);
    Codes codes = Codes.rfc4226();
    Browser b = open("en");
    signInAsAdmin(b);
    b.go("admin/tokens.xhtml?user=" + user);
    String row = "tr[data-serial='" + serial + "'] ";
    b.awaitElement(row);
    b.screenshot("admin-tokens");

    b.submit(row + "input[value='Disable']");
    b.awaitElement(row + "input[value='Enable']");
    assertFalse(api.token(admin, serial).getBoolean("active"));
    assertAudited("token_disable", "serial", serial);

    b.submit(row + "input[value='Enable']");
    b.awaitElement(row + "input[value='Disable']");
    assertTrue(api.token(admin, serial).getBoolean("active"));
    assertAudited("token_enable", "serial", serial);

    api.check("user", user, "pass", "000000");
    api.check("user", user, "pass", "111111");
    assertEquals(2, api.token(admin, serial).getInt("failcount"));
    b.go("admin/tokens.xhtml?user=" + user);
    assertEquals("2 / 10", b.text(row + ".failcount"));
    b.submit(row + "input[value='Reset failures']");
    b.awaitElement(".msg.info");
    assertEquals("0 / 10", b.text(row + ".failcount"));
    assertEquals(0, api.token(admin, serial).getInt("failcount"));
    assertAudited("token_reset", "serial", serial);

    b.submit(row + "input[value='Resync']");
    b.awaitElement("#otp1");
    b.screenshot("admin-tokens-resync");
    b.type("#otp1", codes.hotp(5));
    b.type("#otp2", codes.hotp(6));
    b.submit("#confirm-yes");
    b.awaitElement(".msg.info");
    assertEquals(7, api.token(admin, serial).getInt("count"), "continues after the two codes");
    assertAudited("token_resync", "serial", serial);

    b.submit(row + "input[value='Set PIN']");
    b.awaitElement("#pin");
    b.type("#pin", "4711");
    b.submit("#confirm-yes");
    b.awaitElement(".msg.info");
    assertAudited("token_setpin", "serial", serial);
    assertEquals(
        "ACCEPT",
        api.check("user", user, "pass", "4711" + codes.hotp(7)).authentication(),
        "the PIN set on the page goes in front of the code");

    b.go("admin/tokens.xhtml");
    b.type("#serial", serial);
    b.submit("#find-serial");
    b.awaitElement(row);
    assertTrue(b.text(row).contains(user), "found by serial, with its owner");
    b.type("#serial", "NOSUCH" + System.nanoTime());
    b.submit("#find-serial");
    b.awaitElement(".msg.error");

    b.go("admin/tokens.xhtml?serial=" + serial);
    b.submit(row + "input[value='Delete']");
    b.awaitElement("#confirm");
    b.screenshot("admin-tokens-confirm");
    b.submit("#confirm-yes");
    b.awaitElement(".msg.info");
    assertNull(api.token(admin, serial));
    assertAudited("token_delete", "serial", serial);
  }

  @Test
  void adminEnrolsATotpTokenWhoseQrCodeSignsInAndIsShownOnlyOnce() {
    Browser b = open("en");
    signInAsAdmin(b);
    b.go("admin/tokens.xhtml?user=" + user);
    b.awaitElement("#enrol-type");
    new org.openqa.selenium.support.ui.Select(b.find("#enrol-type")).selectByValue("totp");
    b.type("#enrol-description", "Desk phone");
    b.type("#enrol-pin", "2468");
    b.submit("#enrol-submit");
    b.awaitElement("#enrolled");
    b.screenshot("admin-tokens-enrolled");
    List<String> violations = b.axeViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));

    String serial = b.text("#enrolled-serial");
    String secret = b.text("#secret").replace(" ", "");
    String uri = QrImages.decode(b.find("#qr").getAttribute("src"));
    assertTrue(uri.startsWith("otpauth://totp/") && uri.contains("secret=" + secret), uri);
    assertEquals(uri, b.find("#otpauth").getAttribute("href"), "the QR code holds the link shown");
    String row = "tr[data-serial='" + serial + "'] ";
    assertTrue(b.has(row), "the new token is in the list");
    assertEquals("totp", api.token(admin, serial).getString("tokentype"));
    assertEquals("Desk phone", api.token(admin, serial).getString("description"));
    assertAudited("token_init", "serial", serial);

    Codes codes = Codes.fromOtpauth(uri);
    codes.awayFromStepEdge();
    assertEquals(
        "ACCEPT",
        api.check("user", user, "pass", "2468" + codes.totpNow()).authentication(),
        "the scanned secret and the PIN set on the page sign the user in");

    b.driver().navigate().refresh();
    b.awaitElement(row);
    assertFalse(b.has("#secret"), "a reload does not show the secret again");
    assertFalse(b.driver().getPageSource().contains(secret));
    b.driver().navigate().back();
    b.awaitElement("#enrol-type");
    assertFalse(b.driver().getPageSource().contains(secret), "nor does going back");
  }

  @Test
  void anEnrolmentThePoliciesRefuseShowsWhyAndNoSecret() {
    String name = "adm" + Long.toHexString(System.nanoTime());
    Api.Reply r =
        api.post(
            "policy/" + name,
            Api.form("scope", "enrollment", "action", "max_token_per_user=1", "user", user),
            admin);
    assertEquals(200, r.status(), r.body());
    try {
      String first = api.enrol(admin, "type", "hotp", "genkey", "1", "user", user);
      Browser b = open("de");
      signInAsAdmin(b);
      b.go("admin/tokens.xhtml?user=" + user);
      b.awaitElement("#enrol-type");
      assertEquals("Token ausrollen", b.text("#enrol-title"));
      new org.openqa.selenium.support.ui.Select(b.find("#enrol-type")).selectByValue("hotp");
      b.submit("#enrol-submit");
      b.awaitElement(".msg.error");
      assertTrue(b.text(".msg.error").contains("limited to 1"), b.text(".msg.error"));
      assertFalse(b.has("#secret"));
      assertEquals(1, b.all("#token-table tbody tr").size());
      assertTrue(b.has("tr[data-serial='" + first + "']"));
    } finally {
      api.delete("policy/" + name, admin);
    }
  }

  @Test
  void auditTrailFiltersPagesAndExportsCsvWithFormulasNeutralised() throws Exception {
    // A failed API sign-in puts the name as typed into the audit trail: a formula.
    String formula =
        "=HYPERLINK(\"http://x.test\",\"" + Long.toHexString(System.nanoTime()) + "\")";
    api.post("auth", Api.form("username", formula, "password", "wrong-password"));
    String serial = api.enrol(admin, "type", "hotp", "genkey", "1", "user", user);
    for (int i = 0; i < 30; i++) {
      api.check("serial", serial, "pass", String.format("%06d", i));
    }
    int total =
        api.get("audit/", Api.form("serial", serial), admin)
            .result()
            .getJsonObject("value")
            .getInt("count");
    assertTrue(total > 25 && total <= 50, "entries of the serial: " + total);
    Browser b = open("en");
    signInAsAdmin(b);
    b.go("admin/audit.xhtml?serial=" + serial);
    b.awaitElement("#audit-table");
    assertEquals(25, b.all("#audit-table tbody tr").size(), "a page holds 25 entries");
    assertTrue(b.text("#count").startsWith(total + " entries, page 1 of 2"), b.text("#count"));
    b.screenshot("admin-audit");
    b.submit("#next");
    b.await(d -> b.text("#count").contains("page 2 of 2"));
    assertEquals(total - 25, b.all("#audit-table tbody tr").size());
    b.submit("#previous");
    b.await(d -> b.text("#count").contains("page 1 of 2"));

    b.type("#f-action", "token_*");
    b.submit("#search");
    b.await(d -> b.text("#count").startsWith("1 entry,"));
    assertEquals("token_init", b.text("#audit-table tbody tr td:nth-child(2)"));
    assertEquals("admin", b.text("#audit-table tbody tr .administrator"));

    b.go("admin/audit.xhtml");
    b.type("#f-user", formula);
    new org.openqa.selenium.support.ui.Select(b.find("#f-success")).selectByValue("0");
    b.submit("#search");
    b.awaitElement("#audit-table");
    String href = b.find("#csv").getAttribute("href");
    assertTrue(href.contains("/ui/admin/audit.csv?user="), href);

    Api.Reply csv =
        api.send(
            api.request(href.substring(href.indexOf("ui/admin/")), null)
                .header("Cookie", "JSESSIONID=" + b.cookie("JSESSIONID"))
                .GET());
    assertEquals(200, csv.status(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertEquals(
        "number,date,action,success,authentication,user,realm,serial,token_type,administrator,client,info",
        lines[0]);
    assertEquals(2, lines.length, csv.body());
    String quoted = "\"'" + formula.replace("\"", "\"\"") + "\"";
    assertTrue(lines[1].contains("," + quoted + ","), lines[1]);
    assertTrue(lines[1].contains(",auth,0,REJECT,"), lines[1]);
    JsonArray exports = audit("action", "audit_export", "administrator", "admin");
    assertTrue(exports.getJsonObject(0).getString("info").startsWith("1 row(s)"));
  }

  @Test
  void policiesAreListed() {
    String name = "adm" + Long.toHexString(System.nanoTime());
    Api.Reply r =
        api.post(
            "policy/" + name,
            Api.form(
                "scope",
                "authentication",
                "action",
                "challenge_response=hotp",
                "client",
                "10.99.0.0/16"),
            admin);
    assertEquals(200, r.status(), r.body());
    try {
      Browser b = open("en");
      signInAsAdmin(b);
      b.go("admin/policies.xhtml");
      b.awaitElement("tr[data-policy='" + name + "']");
      String text = b.text("tr[data-policy='" + name + "']");
      assertTrue(text.contains("authentication") && text.contains("challenge_response=hotp"), text);
      assertTrue(text.contains("10.99.0.0/16"), text);
      b.screenshot("admin-policies");
    } finally {
      api.delete("policy/" + name, admin);
    }
  }

  /** The policy of this name as GET /policy/ reports it, or null. */
  private jakarta.json.JsonObject storedPolicy(String name) {
    Api.Reply r = api.get("policy/", Api.form(), admin);
    assertEquals(200, r.status(), r.body());
    return r.result().getJsonArray("value").stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aPolicyIsCreatedDisabledAndDeletedOnThePageAsTheApiThenReports() {
    String name = "adp" + Long.toHexString(System.nanoTime());
    Browser b = open("en");
    signInAsAdmin(b);
    b.go("admin/policies.xhtml");
    b.type("#p-name", name);
    new org.openqa.selenium.support.ui.Select(b.find("#p-scope")).selectByValue("authentication");
    b.type("#p-actions", "challenge_response=hotp, otppin=userstore");
    b.type("#p-client", "10.98.0.0/16");
    b.type("#p-priority", "7");
    b.submit("#p-save");
    b.awaitElement("tr[data-policy='" + name + "']");
    try {
      assertTrue(b.text(".msg.info").contains(name), b.text(".msg.info"));
      String row = b.text("tr[data-policy='" + name + "']");
      assertTrue(row.contains("challenge_response=hotp, otppin=userstore"), row);
      jakarta.json.JsonObject stored = storedPolicy(name);
      assertNotNull(stored, "the API lists the policy made on the page");
      assertTrue(stored.getBoolean("active"));
      assertEquals("authentication", stored.getString("scope"));
      assertEquals(7, stored.getInt("priority"));
      assertEquals("userstore", stored.getJsonObject("action").getString("otppin"));
      assertEquals("10.98.0.0/16", stored.getJsonArray("client").getString(0));
      assertAudited("policy_set", "info", "policy " + name);
      b.screenshot("admin-policies-edit");

      b.submit("tr[data-policy='" + name + "'] input[value='Disable']");
      b.awaitElement("tr[data-policy='" + name + "'] input[value='Enable']");
      assertFalse(storedPolicy(name).getBoolean("active"), "disabled, as the API reports");
      assertAudited("policy_disable", "info", "policy " + name);

      b.submit("tr[data-policy='" + name + "'] input[value='Delete']");
      b.awaitElement(".msg.info");
      assertFalse(b.has("tr[data-policy='" + name + "']"));
      assertNull(storedPolicy(name), "deleted, as the API reports");
      assertAudited("policy_delete", "info", "policy " + name);
    } finally {
      api.delete("policy/" + name, admin);
    }
  }

  @Test
  void aBadActionStringShowsTheDomainsRefusalAndStoresNothing() {
    String name = "adq" + Long.toHexString(System.nanoTime());
    Browser b = open("en");
    signInAsAdmin(b);
    b.go("admin/policies.xhtml");
    b.type("#p-name", name);
    new org.openqa.selenium.support.ui.Select(b.find("#p-scope")).selectByValue("authentication");
    b.type("#p-actions", "no_such_action=1");
    b.submit("#p-save");
    b.awaitElement(".msg.error");
    String error = b.text(".msg.error");
    assertTrue(error.contains("Unknown action no_such_action in scope authentication"), error);
    assertFalse(b.has("tr[data-policy='" + name + "']"));
    assertNull(storedPolicy(name), "nothing is stored");
    assertEquals(name, b.find("#p-name").getAttribute("value"), "the form keeps what was typed");

    b.type("#p-actions", "text='unclosed");
    b.submit("#p-save");
    b.awaitElement(".msg.error");
    assertTrue(b.text(".msg.error").contains("unclosed quote"), b.text(".msg.error"));
    assertNull(storedPolicy(name));
  }

  @Test
  void germanBrowserGetsGermanAdminPages() {
    Browser b = open("de");
    b.go("admin/login.xhtml");
    assertEquals("de", b.find("html").getAttribute("lang"));
    assertTrue(b.text("h1").contains("Anmeldung für Administratoren"), b.text("h1"));
    signInAsAdmin(b);
    assertEquals("Benutzer", b.text("h1"));
    b.go("admin/audit.xhtml");
    assertEquals("Protokoll", b.text("h1"));
    b.screenshot("admin-audit-de");
  }

  @Test
  void adminPagesSendTheStrictHeadersAndHaveNoInlineScript() {
    Api.Reply login = api.send(api.request("ui/admin/login.xhtml", null).GET());
    assertEquals(200, login.status());
    String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
    assertEquals(SecurityHeadersFilter.CSP, csp);
    assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
    Browser b = open("en");
    signInAsAdmin(b);
    for (String page :
        List.of(
            "admin/login.xhtml",
            "admin/users.xhtml",
            "admin/tokens.xhtml?user=" + user,
            "admin/audit.xhtml",
            "admin/policies.xhtml")) {
      b.go(page);
      String html = b.driver().getPageSource();
      assertFalse(INLINE_SCRIPT.matcher(html).find(), page + " has an inline script");
      assertFalse(INLINE_HANDLER.matcher(html).find(), page + " has an inline event handler");
    }
  }

  @Test
  void axeFindsNoSeriousOrCriticalViolationOnAnyAdminPage() {
    String serial = api.enrol(admin, "type", "hotp", "otpkey", RFC_KEY, "user", user);
    Browser b = open("en");
    List<String> found = new ArrayList<>();
    b.go("admin/login.xhtml");
    scan(b, "admin-login", found);
    signInAsAdmin(b);
    scan(b, "admin-users", found);
    b.find("tr[data-user='" + user + "'] input[value='Delete']").click();
    b.awaitElement("#confirm");
    scan(b, "admin-users-confirm", found);
    b.go("admin/tokens.xhtml");
    scan(b, "admin-tokens-empty", found);
    b.go("admin/tokens.xhtml?user=" + user);
    b.awaitElement("#token-table");
    scan(b, "admin-tokens", found);
    b.submit("tr[data-serial='" + serial + "'] input[value='Resync']");
    b.awaitElement("#otp1");
    scan(b, "admin-tokens-resync", found);
    b.go("admin/audit.xhtml");
    b.awaitElement("#audit-table");
    scan(b, "admin-audit", found);
    b.go("admin/policies.xhtml");
    scan(b, "admin-policies", found);
    b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    b.go("admin/tokens.xhtml?user=" + user);
    b.awaitElement("#token-table");
    b.screenshot("admin-tokens-phone");
    scan(b, "admin-tokens-phone", found);
    b.go("admin/audit.xhtml");
    b.screenshot("admin-audit-phone");
    scan(b, "admin-audit-phone", found);
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  private static void scan(Browser b, String page, List<String> found) {
    b.axeViolations().forEach(v -> found.add(page + ": " + v));
  }
}
