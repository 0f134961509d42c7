package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /auth} and the JWT every admin endpoint requires. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(base);
  }

  @Test
  void adminLoginReturnsJwtWithRoleAndRights() {
    Api.Reply r = api.post("auth", form("username", "admin", "password", Api.ADMIN_PASSWORD));
    assertEquals(200, r.status());
    assertEquals(2, r.json().getInt("id"));
    assertEquals("ACCEPT", r.authentication());
    var value = r.result().getJsonObject("value");
    assertEquals("admin", value.getString("role"));
    assertEquals("admin", value.getString("username"));
    assertTrue(value.getString("token").split("\\.").length == 3);
    assertFalse(value.getJsonArray("rights").isEmpty());
  }

  @Test
  void wrongPasswordIs401WithCode4031() {
    Api.Reply r = api.post("auth", form("username", "admin", "password", "wrong-password"));
    assertEquals(401, r.status());
    assertEquals(4031, r.errorCode());
    assertFalse(r.result().getBoolean("status"));
  }

  @Test
  void missingAuthorizationIs401WithCode4033() {
    Api.Reply r = api.get("token/", Map.of());
    assertEquals(401, r.status());
    assertEquals(4033, r.errorCode());
  }
}
