package org.countersign.it;

import jakarta.json.JsonObject;

/**
 * A new user with one TiQR token whose app has registered, built afresh for each test: the starting
 * point of every login test. Creation fails loudly, so a test never starts from a half-enrolled
 * token.
 */
record TiqrFixture(
    Api api, String admin, String user, String serial, String pin, TiqrAppSimulator app) {

  static final String PASSWORD = "user-Passw0rd";

  /**
   * A new user, a TiQR token with this PIN, the app scanned its QR code and registered a secret.
   */
  static TiqrFixture enrolled(Api api, String admin, String pin) {
    String user = api.newUser(admin, "tiqr", PASSWORD);
    Api.Reply init = api.init(admin, "type", "tiqr", "user", user, "pin", pin);
    if (init.status() != 200) {
      throw new IllegalStateException("tiqr init failed: " + init.body());
    }
    TiqrAppSimulator app = new TiqrAppSimulator(api);
    JsonObject enroll = init.detail().getJsonObject("tiqrenroll");
    Api.Reply metadata = app.fetchMetadata(TiqrAppSimulator.scan(enroll.getString("img")));
    if (metadata.status() != 200) {
      throw new IllegalStateException("metadata failed: " + metadata.body());
    }
    Api.Reply registered = app.register();
    if (!"OK".equals(registered.body())) {
      throw new IllegalStateException("registration failed: " + registered.body());
    }
    return new TiqrFixture(api, admin, user, init.detail().getString("serial"), pin, app);
  }

  /** {@code /validate/check user=… pass=<PIN>}: opens a challenge. */
  Api.Reply check(String pass) {
    return api.check("user", user, "pass", pass);
  }

  /** Opens a challenge with the PIN and returns the reply; fails when no challenge was opened. */
  Api.Reply challenge() {
    Api.Reply r = check(pin);
    if (r.status() != 200 || !"CHALLENGE".equals(r.authentication())) {
      throw new IllegalStateException("no challenge: " + r.body());
    }
    return r;
  }

  /** What the app reads from the QR code of a challenge reply. */
  static TiqrAppSimulator.AuthRequest scanned(Api.Reply challenge) {
    return TiqrAppSimulator.scanAuthentication(
        challenge.detail().getJsonArray("multi_challenge").getJsonObject(0).getString("image"));
  }

  static String transactionId(Api.Reply challenge) {
    return challenge.detail().getString("transaction_id");
  }

  Api.Reply poll(String transactionId) {
    return api.get("validate/polltransaction", Api.form("transaction_id", transactionId));
  }

  /** {@code /validate/check user=… transaction_id=… pass=} after the app has answered. */
  Api.Reply finalise(String transactionId) {
    return api.check("user", user, "transaction_id", transactionId, "pass", "");
  }

  JsonObject token() {
    return api.token(admin, serial);
  }

  int failcount() {
    return token().getInt("failcount");
  }
}
