package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /audit/}: privacyIDEA's filters, paging and order over the audit trail, for
 * administrators only.
 */
class AuditApiIT extends OnDefaultServer {

  private static final String PASSWORD = "user-Passw0rd";
  private static final String[] HOTP = {"755224", "287082", "359152"};

  private JsonObject audit(String... pairs) {
    Api.Reply r = api.get("audit/", form(pairs), admin);
    assertEquals(200, r.status(), r.body());
    return r.result().getJsonObject("value");
  }

  /** A user with an HOTP token, one wrong check and one accepted one. */
  private String userWithChecks() {
    String user = api.newUser(admin, "aud", PASSWORD);
    api.enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user);
    assertFalse(api.check("user", user, "pass", "000000").value());
    assertTrue(api.check("user", user, "pass", HOTP[0]).value());
    return user;
  }

  @Test
  void entriesOfAUserInPrivacyIdeasFieldsNewestFirst() {
    String user = userWithChecks();
    JsonObject v = audit("user", user, "action", "validate_check");
    assertEquals(2, v.getInt("count"), v.toString());
    JsonArray rows = v.getJsonArray("auditdata");
    JsonObject newest = rows.getJsonObject(0);
    JsonObject older = rows.getJsonObject(1);
    assertEquals("ACCEPT", newest.getString("authentication"));
    assertEquals(1, newest.getInt("success"));
    assertEquals("REJECT", older.getString("authentication"));
    assertEquals(0, older.getInt("success"));
    assertTrue(
        newest.getJsonNumber("number").longValue() > older.getJsonNumber("number").longValue());
    assertEquals(user, newest.getString("user"));
    assertEquals("default", newest.getString("realm"));
    assertEquals("builtin", newest.getString("resolver"));
    assertEquals("hotp", newest.getString("token_type"));
    assertTrue(
        newest.getString("client").equals("127.0.0.1") || newest.getString("client").contains(":"),
        newest.toString());
    assertFalse(newest.getString("date").isEmpty());
    assertTrue(v.getJsonArray("auditcolumns").toString().contains("\"administrator\""));
  }

  @Test
  void adminActionsNameTheAdministrator() {
    String user = api.newUser(admin, "adm", PASSWORD);
    api.enrol(admin, "type", "hotp", "genkey", "1", "user", user);
    JsonObject v = audit("user", user, "action", "token_init");
    assertEquals(1, v.getInt("count"), v.toString());
    assertEquals("admin", v.getJsonArray("auditdata").getJsonObject(0).getString("administrator"));
    assertEquals(
        JsonValue.NULL, v.getJsonArray("auditdata").getJsonObject(0).get("authentication"));
  }

  @Test
  void filtersTakeWildcardsNegationAndSuccess() {
    String user = userWithChecks();
    assertEquals(2, audit("user", user, "action", "*check*").getInt("count"));
    assertEquals(1, audit("user", user, "action", "*check*", "success", "1").getInt("count"));
    assertEquals(1, audit("user", user, "action", "*check*", "success", "0").getInt("count"));
    JsonObject notChecks = audit("user", user, "action", "!validate_check");
    assertTrue(notChecks.getInt("count") >= 2, "user creation and token_init: " + notChecks);
    notChecks
        .getJsonArray("auditdata")
        .forEach(
            row -> assertFalse(row.asJsonObject().getString("action").equals("validate_check")));
    assertEquals(
        0,
        audit("user", user.substring(0, 5) + "_" + "x*").getInt("count"),
        "an underscore is literal, not a SQL wildcard");
    assertEquals(
        2, audit("user", user, "action", "validate_check", "timelimit", "1d").getInt("count"));
  }

  @Test
  void pagesAndOrder() {
    String user = userWithChecks();
    api.check("user", user, "pass", HOTP[1]);
    JsonObject first = audit("user", user, "action", "validate_check", "page_size", "2");
    assertEquals(3, first.getInt("count"));
    assertEquals(2, first.getJsonArray("auditdata").size());
    assertEquals(JsonValue.NULL, first.get("prev"));
    assertEquals(2, first.getInt("next"));
    JsonObject second =
        audit("user", user, "action", "validate_check", "page_size", "2", "page", "2");
    assertEquals(1, second.getJsonArray("auditdata").size());
    assertEquals(1, second.getInt("prev"));
    assertEquals(JsonValue.NULL, second.get("next"));
    JsonObject asc = audit("user", user, "action", "validate_check", "sortorder", "asc");
    assertEquals(
        "REJECT", asc.getJsonArray("auditdata").getJsonObject(0).getString("authentication"));
  }

  @Test
  void badParametersAreRefusedInTheEnvelope() {
    Api.Reply limit = api.get("audit/", form("timelimit", "yesterday"), admin);
    assertEquals(400, limit.status(), limit.body());
    assertEquals(905, limit.errorCode());
    Api.Reply size = api.get("audit/", form("page_size", "0"), admin);
    assertEquals(400, size.status());
    Api.Reply success = api.get("audit/", form("success", "maybe"), admin);
    assertEquals(400, success.status());
    assertEquals(
        200,
        api.get("audit/", form("sortname", "date", "nosuchcolumn", "x"), admin).status(),
        "unknown parameters are ignored, as in privacyIDEA");
  }

  @Test
  void onlyAdministratorsReadTheTrail() {
    Api.Reply none = api.get("audit/", Map.of(), null);
    assertEquals(401, none.status());
    String user = api.newUser(admin, "nosy", PASSWORD);
    String jwt = api.login(user, PASSWORD);
    Api.Reply r = api.get("audit/", Map.of(), jwt);
    assertEquals(403, r.status(), r.body());
  }
}
