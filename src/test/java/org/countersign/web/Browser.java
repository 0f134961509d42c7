package org.countersign.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's chromedriver (both named
 * explicitly, so that Selenium Manager never downloads anything), with a fresh profile per browser.
 * Also: screenshots under target/screenshots and the axe-core scan, injected from node_modules.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

  /**
   * How long a page may take to show what a test waits for; generous, as CI machines are sometimes
   * slow.
   */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;
  private final String ui;

  private Browser(ChromeDriver driver, Path profile, String ui) {
    this.driver = driver;
    this.profile = profile;
    this.ui = ui;
  }

  /** A browser for the pages of the server Arquillian reports, reached over loopback. */
  static Browser open(URL base, String language) {
    return open(base, language, "127.0.0.1");
  }

  /**
   * A browser for the pages reached as {@code localhost}: WebAuthn refuses an IP address as the
   * relying party, and {@code localhost} is the server's relying party when no public URL is set.
   */
  static Browser onLocalhost(URL base, String language) {
    return open(base, language, "localhost");
  }

  private static Browser open(URL base, String language, String host) {
    String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
    String ui = "http://" + host + ":" + base.getPort() + path + "ui/";
    try {
      Path profile = Files.createTempDirectory("countersign-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,900",
          "--lang=" + language,
          "--user-data-dir=" + profile);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      return new Browser(driver, profile, ui);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Chromium's virtual authenticator in place of a platform one: CTAP2 with discoverable
   * credentials and user verification, answering without a person.
   */
  VirtualAuthenticator virtualAuthenticator() {
    return driver.addVirtualAuthenticator(
        new VirtualAuthenticatorOptions()
            .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
            .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
            .setHasResidentKey(true)
            .setHasUserVerification(true)
            .setIsUserVerified(true)
            .setIsUserConsenting(true));
  }

  void go(String page) {
    driver.get(ui + page);
  }

  String url() {
    return driver.getCurrentUrl();
  }

  /**
   * The element, once it is there: pages answer ajax requests and open dialogs a moment after the
   * action.
   */
  WebElement find(String css) {
    return await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  boolean has(String css) {
    return !all(css).isEmpty();
  }

  /**
   * The text of an element, also when it is not displayed (inside closed {@code details}). Read
   * again if ajax replaced the element between finding and reading it.
   */
  String text(String css) {
    return await(d -> find(css).getAttribute("textContent")).strip();
  }

  /** Types into a field; starts again on the new field if ajax replaced it while typing. */
  void type(String css, String text) {
    await(
        d -> {
          WebElement e = find(css);
          e.clear();
          e.sendKeys(text);
          return true;
        });
  }

  /**
   * Clicks an element once it is there and clickable: dialogs and ajax-rendered parts appear a
   * moment after the action that asks for them, and ajax may replace the element just before the
   * click.
   */
  void click(String css) {
    await(
        d -> {
          WebElement e = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
          if (e == null) {
            return false;
          }
          e.click();
          return true;
        });
  }

  /**
   * Clicks a button that posts the whole page, and waits until the browser has left the old page.
   */
  void submit(String css) {
    WebElement page = find("body");
    click(css);
    await(d -> gone(page));
  }

  /**
   * Whether the element has left the document. While the browser swaps pages, Chrome may answer a
   * question about the old page's node with "does not belong to the document" instead of a
   * stale-element error: that is gone too.
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Waits until the condition holds. Ajax replaces parts of the page while a condition reads them,
   * so an element that went stale between finding and reading it means "not yet", and the condition
   * is asked again.
   */
  <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  void awaitElement(String css) {
    await(d -> !d.findElements(By.cssSelector(css)).isEmpty());
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  String cookie(String name) {
    var c = driver.manage().getCookieNamed(name);
    return c == null ? null : c.getValue();
  }

  void signIn(String username, String password) {
    submitPassword(username, password);
    await(d -> d.getCurrentUrl().contains("tokens.xhtml"));
  }

  /** Signs in a person who owns a token: the password, then the code the second step asks for. */
  void signIn(String username, String password, String code) {
    submitPassword(username, password);
    awaitElement("#code");
    submitCode(code);
    await(d -> d.getCurrentUrl().contains("tokens.xhtml"));
  }

  /** Signs an administrator in on the operators' sign-in page. */
  void signInAsAdmin(String username, String password) {
    go("admin/login.xhtml");
    type("#username", username);
    type("#password", password);
    click("#submit");
    await(d -> d.getCurrentUrl().contains("admin/users.xhtml"));
  }

  /** The first step of a sign-in, from the sign-in page. */
  void submitPassword(String username, String password) {
    go("login.xhtml");
    type("#username", username);
    type("#password", password);
    click("#submit");
  }

  void submitCode(String code) {
    type("#code", code);
    click("#submit-code");
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The serious and critical violations axe-core finds on the current page, one line each. */
  @SuppressWarnings("unchecked")
  List<String> axeViolations() {
    String axe;
    try {
      axe = Files.readString(AXE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is missing: run npm ci first", e);
    }
    script(axe);
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                    + "  done(r.violations.map(function (v) {"
                    + "    return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.html; }).join(' | ')};"
                    + "  }));"
                    + "}).catch(function (e) { done([{id: 'axe-error', impact: 'critical', nodes: String(e)}]); });");
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      Object impact = v.get("impact");
      if ("serious".equals(impact) || "critical".equals(impact)) {
        serious.add(v.get("id") + " (" + impact + "): " + v.get("nodes"));
      }
    }
    return serious;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
