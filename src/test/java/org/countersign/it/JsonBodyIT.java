package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Bodies the parameter parser refuses in the error envelope, however they are built or sent, and a
 * body sent with a GET, which is merged like any other (as privacyIDEA merges it).
 */
class JsonBodyIT extends OnDefaultServer {

  @Test
  void deeplyNestedJsonIsRefusedWith400InTheEnvelope() {
    String deep = "{\"user\":".repeat(5000) + "1" + "}".repeat(5000);
    Api.Reply r = api.postJson("validate/check", deep, null);
    assertEquals(400, r.status(), r.body());
    assertNotNull(r.json(), r.body());
    assertEquals(905, r.errorCode());
  }

  @Test
  void nestedValueInJsonBodyIsAParameterError() {
    Api.Reply r =
        api.postJson("validate/check", "{\"user\":{\"a\":[1,{\"b\":2}]},\"pass\":\"1\"}", null);
    assertEquals(400, r.status(), r.body());
    assertEquals(905, r.errorCode());
  }

  @Test
  void getWithMalformedJsonBodyIsAnsweredInTheEnvelope() {
    Api.Reply r =
        api.send(
            api.request("validate/check?user=nobody&pass=1", null)
                .header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.ofString("{bad")));
    assertEquals(400, r.status(), r.body());
    assertNotNull(r.json(), "not the envelope: '" + r.body() + "'");
    assertEquals(905, r.errorCode());
  }

  @Test
  void getWithJsonBodyIsCheckedWithItsParameters() {
    String user = api.newUser(admin, "getbody", "user-Passw0rd");
    api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    Api.Reply r =
        api.send(
            api.request("validate/check", null)
                .header("Content-Type", "application/json")
                .method(
                    "GET",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"" + user + "\",\"pass\":\"755224\"}")));
    assertEquals(200, r.status(), r.body());
    assertEquals("ACCEPT", r.authentication(), r.body());
  }
}
