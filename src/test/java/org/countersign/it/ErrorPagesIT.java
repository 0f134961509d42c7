package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the pages show when they fail: their own error page in the browser's language, naming
 * neither the server software nor a class; and the pages sent out carry no template comments.
 */
class ErrorPagesIT extends OnDefaultServer {

  @Test
  void forgedViewStateGetsThePlainErrorPage() {
    Api.Reply r = postForgedViewState("en");
    assertEquals(500, r.status(), r.body());
    assertTrue(r.body().contains("Something went wrong"), r.body());
    assertNoImplementationDetails(r.body());
  }

  @Test
  void errorPageSpeaksTheBrowsersLanguage() {
    Api.Reply r = postForgedViewState("de");
    assertTrue(r.body().contains("Etwas ist schiefgegangen"), r.body());
    assertNoImplementationDetails(r.body());
  }

  @Test
  void pagesCarryNoTemplateComments() {
    Api.Reply page = api.get("ui/login.xhtml", form());
    assertEquals(200, page.status());
    assertFalse(page.body().contains("<!--"), page.body());
  }

  private Api.Reply postForgedViewState(String language) {
    Api.Reply page = api.get("ui/login.xhtml", form());
    String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    return api.send(
        api.request("ui/login.xhtml", null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", language)
            .header("Cookie", session)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "login=login&username=a&password=b&submit=x&jakarta.faces.ViewState=stateless")));
  }

  private static void assertNoImplementationDetails(String body) {
    assertFalse(body.toLowerCase(Locale.ROOT).contains("payara"), body);
    for (String word :
        List.of(
            "Exception",
            "exception",
            "jakarta.servlet",
            "jakarta.faces.application",
            "org.",
            "com.sun",
            "Mojarra",
            "stack trace",
            "<!--")) {
      assertFalse(body.contains(word), word + " in: " + body);
    }
  }
}
