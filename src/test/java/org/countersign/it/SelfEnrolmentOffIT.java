package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * With {@code countersign.selfservice.enrolment=false} (set on the "short" server), the password
 * alone opens no session at all: a user without a token is refused, a user with one still signs in
 * with it.
 */
class SelfEnrolmentOffIT extends ServerTest {

  private static final String PASSWORD = "user-Passw0rd";

  @Deployment(testable = false)
  @TargetsContainer("short")
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void userWithoutTokenIsRefusedWith403AndNoJwt() {
    String user = api.newUser(admin, "noenrol", PASSWORD);
    Api.Reply r = api.post("auth", form("username", user, "password", PASSWORD));
    assertEquals(403, r.status(), r.body());
    assertFalse(r.result().getBoolean("status"));
    assertFalse(r.body().contains("\"token\""), r.body());
  }

  @Test
  void wrongPasswordOfUserWithoutTokenIsStill401() {
    String user = api.newUser(admin, "noenrolwrong", PASSWORD);
    Api.Reply r = api.post("auth", form("username", user, "password", "not-" + PASSWORD));
    assertEquals(401, r.status(), "the refusal is told only to the right password: " + r.body());
    assertEquals(4031, r.errorCode());
  }

  @Test
  void userWithTokenStillSignsInWithIt() {
    String user = api.newUser(admin, "noenroltoken", PASSWORD);
    api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    Api.Reply challenge = api.post("auth", form("username", user, "password", PASSWORD));
    assertEquals("CHALLENGE", challenge.authentication(), challenge.body());
    Api.Reply granted =
        api.post(
            "auth",
            form(
                "username",
                user,
                "password",
                "755224",
                "transaction_id",
                challenge.detail().getString("transaction_id")));
    assertEquals(200, granted.status(), granted.body());
  }
}
