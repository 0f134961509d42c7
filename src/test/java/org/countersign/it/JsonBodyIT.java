package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** JSON bodies that the parameter parser refuses in the error envelope, however they are built. */
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
    Api.Reply r = api.postJson("validate/check", "{\"user\":{\"a\":[1,{\"b\":2}]},\"pass\":\"1\"}", null);
    assertEquals(400, r.status(), r.body());
    assertEquals(905, r.errorCode());
  }
}
