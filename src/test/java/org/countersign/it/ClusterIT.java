package org.countersign.it;

import static org.countersign.it.Api.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.countersign.ldap.Slapd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Payara Micro instances on different ports sharing one PostgreSQL, as behind a load balancer:
 * everything a later request needs (challenges, counters, fail counts) lives in the database, so
 * any node can take any request. Runs in the PostgreSQL pass only (the pom's postgres-it profile);
 * the H2 pass skips it.
 */
class ClusterIT {

  private static final int MAXFAIL = 10;
  private static final String PIN = "4321";
  private static final int SIGNIN_MAX_FAILURES = 5;

  /** A directory both nodes reach (started in the H2 pass too, where the class is skipped). */
  @RegisterExtension static final Slapd LDAP = new Slapd();

  static ClusterDatabase db;
  static ClusterNode a;
  static ClusterNode b;
  static String admin;

  @BeforeAll
  static void startTwoNodes() {
    Assumptions.assumeTrue(
        ClusterDatabase.onPostgres(), "needs the PostgreSQL pass (profile postgres-it)");
    Path dir = Path.of(System.getProperty("it.dir", "target/it"), "cluster").toAbsolutePath();
    db = ClusterDatabase.fresh("cluster", dir);
    Map<String, String> props = new LinkedHashMap<>(db.serverProperties());
    props.put("countersign.data.dir", dir.resolve("shared").toString());
    props.put("countersign.maxfail", Integer.toString(MAXFAIL));
    props.put("countersign.signin.maxfailures", Integer.toString(SIGNIN_MAX_FAILURES));
    // Parallel sign-ins must reach the database together rather than wait for one hashing slot.
    props.put("countersign.password.concurrency", "4");
    props.put("countersign.password.queue", "16");
    // Long enough for a challenge to survive a node's restart on a busy machine.
    props.put("countersign.challenge.validity", "600");
    // The first node creates the schema and the key file; the second finds both.
    a = ClusterNode.of("node-a", dir.resolve("a"), props).start();
    b = ClusterNode.of("node-b", dir.resolve("b"), props).start();
    admin = a.api().adminJwt();
  }

  @AfterAll
  static void stopNodes() {
    if (b != null) {
      b.stop();
    }
    if (a != null) {
      a.stop();
    }
  }

  @Test
  void tiqrChallengeCreatedOnNodeAIsAnsweredOnNodeBAndPolledAndFinalisedOnNodeA() {
    TiqrFixture f = TiqrFixture.enrolled(a.api(), admin, PIN);
    Api.Reply challenge = f.challenge();
    String tx = TiqrFixture.transactionId(challenge);
    assertEquals("pending", f.poll(tx).detail().getString("challenge_status"));

    assertEquals("OK", answerOn(b, f, TiqrFixture.scanned(challenge)).body());

    assertEquals("accept", f.poll(tx).detail().getString("challenge_status"));
    Api.Reply finalised = f.finalise(tx);
    assertTrue(finalised.value(), finalised.body());
    assertFalse(f.finalise(tx).value(), "a transaction is finalised once");
  }

  @Test
  void aPolicyChangedOnOneNodeTakesEffectOnTheOtherWithinAboutASecond() throws Exception {
    // Each probe uses a fresh user (all matched by the policy's pattern), since a PIN alone that
    // opens no
    // challenge counts as a failure, and repeated failures would delay the token.
    String prefix = "clpol" + Long.toHexString(System.nanoTime());
    assertEquals("REJECT", b.api().check("user", withHotp(prefix), "pass", PIN).authentication());
    String name = "cluster" + Long.toHexString(System.nanoTime());
    Api.Reply set =
        a.api()
            .post(
                "policy/" + name,
                form(
                    "scope",
                    "authentication",
                    "action",
                    "challenge_response=hotp",
                    "user",
                    prefix + ".*"),
                admin);
    assertEquals(200, set.status(), set.body());
    String[] user = new String[1];
    Api.Reply challenged = untilAuthentication(b, "CHALLENGE", () -> user[0] = withHotp(prefix));
    String tx = challenged.detail().getString("transaction_id");
    assertTrue(
        a.api().check("user", user[0], "transaction_id", tx, "pass", "755224").value(),
        "node A answers the challenge node B opened under A's policy");
    assertEquals(200, b.api().post("policy/disable/" + name, Map.of(), admin).status());
    untilAuthentication(a, "REJECT", () -> withHotp(prefix));
  }

  @Test
  void aDirectoryRealmMadeOnOneNodeServesItsUsersOnTheOther() throws Exception {
    String resolver = "clldap" + Long.toHexString(System.nanoTime());
    Map<String, String> keys = ResolverApiIT.ldap();
    keys.put("LDAPURI", LDAP.uri());
    keys.put("CACHE_TIMEOUT", "0");
    assertEquals(200, a.api().post("resolver/" + resolver, keys, admin).status());
    String realm = "clcorp" + Long.toHexString(System.nanoTime());
    assertEquals(200, a.api().post("realm/" + realm, form("resolvers", resolver), admin).status());

    // node B learns of the new realm within about a second (it rechecks a version number)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Api.Reply signIn;
    do {
      signIn =
          b.api()
              .post(
                  "auth",
                  form("username", "alice", "password", Slapd.passwordOf("alice"), "realm", realm));
      if (signIn.status() == 200) {
        break;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    assertEquals(200, signIn.status(), "node B signs the directory user in: " + signIn.body());
    assertEquals("user", signIn.result().getJsonObject("value").getString("role"));

    String serial =
        b.api()
            .enrol(
                admin,
                "type",
                "hotp",
                "otpkey",
                TokenInitIT.RFC_KEY,
                "user",
                "alice",
                "realm",
                realm,
                "pin",
                PIN);
    assertTrue(
        a.api().check("user", "alice", "realm", realm, "pass", PIN + "755224").value(),
        "node A checks the token node B enrolled for the directory user");
    assertFalse(
        b.api().check("user", "alice", "realm", realm, "pass", PIN + "755224").value(),
        "and node B refuses the same code again");
    assertTrue(b.api().check("user", "alice", "realm", realm, "pass", PIN + "287082").value());
    a.api().delete("token/" + serial, admin);
  }

  /**
   * A new user whose name starts with the prefix, with an HOTP token of the RFC key and the PIN.
   */
  private static String withHotp(String prefix) {
    String user = a.api().newUser(admin, prefix, "user-Passw0rd");
    a.api().enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "user", user, "pin", PIN);
    return user;
  }

  /**
   * Checks the PIN of a fresh user on the node until the reply is the expected one; at most 5 s
   * (the caches recheck every second; each probe also enrols its user).
   */
  private static Api.Reply untilAuthentication(
      ClusterNode node, String expected, java.util.function.Supplier<String> freshUser)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Api.Reply r;
    do {
      r = node.api().check("user", freshUser.get(), "pass", PIN);
      if (expected.equals(r.authentication())) {
        return r;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("still " + r.authentication() + " after 5 s: " + r.body());
  }

  @Test
  void thirtyTwoConcurrentChecksOfOneTotpCodeOverBothNodesAcceptExactlyOne() throws Exception {
    Api.Reply init = a.api().init(admin, "type", "totp", "genkey", "1", "pin", PIN);
    String serial = init.detail().getString("serial");
    Codes codes = Codes.fromOtpauth(init.detail().getJsonObject("googleurl").getString("value"));
    Codes.awayFromStepEdge(codes.period(), 10);
    String pass = PIN + codes.totpNow();
    List<Api.Reply> replies =
        overBothNodes(32, node -> node.api().check("serial", serial, "pass", pass));
    assertEquals(1, replies.stream().filter(Api.Reply::value).count(), "accepted replies");
  }

  @Test
  void fiftyWrongCodesOverBothNodesLeaveTheFailCounterAtExactlyMaxfail() throws Exception {
    String serial = a.api().enrol(admin, "type", "hotp", "otpkey", TokenInitIT.RFC_KEY, "pin", PIN);
    List<Api.Reply> replies =
        overBothNodes(50, node -> node.api().check("serial", serial, "pass", PIN + "000000"));
    assertEquals(0, replies.stream().filter(Api.Reply::value).count());
    assertEquals(MAXFAIL, b.api().token(admin, serial).getInt("failcount"));
    assertEquals(MAXFAIL, db.count("SELECT fail_count FROM cs_token WHERE serial = ?", serial));
  }

  @Test
  void wrongPasswordsOverBothNodesLockTheAccountOnBoth() throws Exception {
    String user = a.api().newUser(admin, "cluthrottle", "cluster-Passw0rd");
    List<Api.Reply> replies =
        overBothNodes(
            2 * SIGNIN_MAX_FAILURES,
            node -> node.api().post("auth", form("username", user, "password", "wrong-password")),
            status -> status == 401 || status == 429);
    assertTrue(replies.stream().filter(r -> r.status() == 401).count() >= SIGNIN_MAX_FAILURES);
    for (ClusterNode node : List.of(a, b)) {
      Api.Reply r = node.api().post("auth", form("username", user, "password", "cluster-Passw0rd"));
      assertEquals(429, r.status(), node.name() + " refuses the right password too: " + r.body());
      assertTrue(r.headers().firstValue("Retry-After").isPresent());
    }
    assertFalse(
        a.logText().contains("cs_throttle") || b.logText().contains("cs_throttle"),
        "a lost insert race of the throttle is no logged error");
  }

  @Test
  void purgeTimersOfBothNodesDeleteOnlyExpiredRowsAndReportNoErrors() {
    TiqrFixture f = TiqrFixture.enrolled(b.api(), admin, PIN);
    Api.Reply live = f.challenge();
    String expiredTx = "expired" + Long.toHexString(System.nanoTime() % 0xfffffffL);
    LocalDateTime past = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(10);
    db.update(
        "INSERT INTO cs_challenge (id, transaction_id, serial, token_type, challenge_data, status, created_at,"
            + " expires_at) VALUES (nextval('cs_challenge_seq'), ?, ?, 'tiqr', 'x', 'pending', ?, ?)",
        expiredTx,
        f.serial(),
        past,
        past.plusMinutes(2));
    db.update(
        "INSERT INTO cs_enrolment_session (session_hash, serial, expires_at) VALUES (?, ?, ?)",
        expiredTx,
        f.serial(),
        past);

    awaitNextPurge();

    assertEquals(
        0, db.count("SELECT COUNT(*) FROM cs_challenge WHERE transaction_id = ?", expiredTx));
    assertEquals(
        0, db.count("SELECT COUNT(*) FROM cs_enrolment_session WHERE session_hash = ?", expiredTx));
    String liveTx = TiqrFixture.transactionId(live);
    assertEquals(1, db.count("SELECT COUNT(*) FROM cs_challenge WHERE transaction_id = ?", liveTx));
    assertEquals("OK", answerOn(a, f, TiqrFixture.scanned(live)).body());
    assertTrue(f.finalise(liveTx).value());
    for (ClusterNode node : List.of(a, b)) {
      String log = node.logText();
      assertFalse(
          log.contains("ChallengePurge") && log.contains("SEVERE"),
          node.name() + " logged a purge error");
      assertFalse(log.contains("EJB5119"), node.name() + " reported a failed timer");
    }
  }

  @Test
  void nodesNeverFormAPayaraCluster() {
    for (ClusterNode node : List.of(a, b)) {
      String log = node.logText();
      assertFalse(
          log.matches("(?s).*Members \\{size:[2-9].*"),
          node.name() + " joined a data grid cluster");
      assertTrue(
          log.contains("cluster size is 1") || !log.contains("cluster size is"), node.name());
    }
  }

  @Test
  void challengeIssuedBeforeARestartIsAnsweredAfterIt() {
    TiqrFixture f = TiqrFixture.enrolled(a.api(), admin, PIN);
    Api.Reply challenge = f.challenge();
    String tx = TiqrFixture.transactionId(challenge);

    a.stop();
    a.start();

    assertEquals("OK", answerOn(a, f, TiqrFixture.scanned(challenge)).body());
    assertEquals("accept", f.poll(tx).detail().getString("challenge_status"));
    assertTrue(f.finalise(tx).value());
  }

  /** The tiqr app's login answer, sent to this node as a load balancer would route it. */
  private static Api.Reply answerOn(
      ClusterNode node, TiqrFixture f, TiqrAppSimulator.AuthRequest scanned) {
    return node.api()
        .post(
            "ttype/tiqr",
            form(
                "sessionKey",
                scanned.sessionKey(),
                "userId",
                scanned.userId(),
                "response",
                f.app().response(scanned),
                "operation",
                "login",
                "language",
                "en"));
  }

  /**
   * Waits until both nodes' once-a-minute purge has run (second 0 of the minute) at least once
   * more.
   */
  private static void awaitNextPurge() {
    long now = System.currentTimeMillis();
    long nextMinute = (now / 60_000 + 1) * 60_000;
    ClusterNode.sleep(nextMinute - now + 8_000);
  }

  /**
   * {@code n} calls released together, alternating between node A and node B; every reply must be
   * HTTP 200.
   */
  private static List<Api.Reply> overBothNodes(
      int n, java.util.function.Function<ClusterNode, Api.Reply> call) throws Exception {
    return overBothNodes(n, call, status -> status == 200);
  }

  /** The same, where every reply must have a status that {@code expected} accepts. */
  private static List<Api.Reply> overBothNodes(
      int n,
      java.util.function.Function<ClusterNode, Api.Reply> call,
      java.util.function.IntPredicate expected)
      throws Exception {
    IntFunction<ClusterNode> node = i -> i % 2 == 0 ? a : b;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Api.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ClusterNode target = node.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return call.apply(target);
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
      start.countDown();
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : futures) {
        Api.Reply r = f.get(120, TimeUnit.SECONDS);
        assertTrue(expected.test(r.status()), r.body());
        replies.add(r);
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void auditRowsWrittenByBothNodesAtOnceVerify() throws Exception {
    String user = "chain" + Long.toHexString(System.nanoTime());
    int perWorker = 15;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        ClusterNode node = w % 2 == 0 ? a : b;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perWorker; i++) {
                    node.api().check("user", user, "pass", "123456");
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        2,
        db.count("SELECT COUNT(DISTINCT segment_id) FROM cs_audit WHERE username = ?", user),
        "each node writes its own segment");
    for (ClusterNode node : List.of(a, b)) {
      Api.Reply r = node.api().get("audit/verify", Map.of(), admin);
      assertEquals(200, r.status(), r.body());
      var v = r.result().getJsonObject("value");
      assertTrue(v.getBoolean("valid"), v.toString());
      assertTrue(v.getJsonNumber("checked").longValue() >= 4 * perWorker, v.toString());
    }
  }
}
