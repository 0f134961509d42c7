package org.countersign.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.countersign.token.tiqr.Ocra;
import org.countersign.token.tiqr.OcraInput;
import org.countersign.token.tiqr.OcraSuite;
import org.countersign.token.totp.HashAlgorithm;
import org.countersign.token.totp.Hotp;

/**
 * The load generator of {@code bench/run.sh}, in its own JVM beside the server. It enrols users and
 * tokens through the API, then drives each scenario with a fixed number of worker threads (one
 * request in flight each, keep-alive connections), a warm-up and a measured period, and prints one
 * table. Every answer is checked; an unexpected one counts as an error. Everything is bounded in
 * time and stops by itself.
 *
 * <p>Arguments: {@code --base http://127.0.0.1:PORT/ --admin-password P [--pid N] [--startup-ms N]
 * [--connections 32] [--warmup 10] [--measure 20] [--hotp-users 1024] [--tiqr-users 64] [--policies
 * 0] [--scenarios a,b,...]}. {@code --policies N} defines N policies before the run, each matching
 * the benchmark's users without changing what a check decides, so that the cost of matching them
 * shows.
 */
public final class LoadDriver {

  static final String HOTP_PIN = "1234";
  static final String TIQR_PIN = "4321";
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The user whose right password floods {@code /auth} in the authflood scenario; they own no
   * token.
   */
  static final String FLOOD_USER = "bflood";

  static final int FLOOD_CONNECTIONS = 8;

  private static final Pattern TRANSACTION = Pattern.compile("\"transaction_id\":\"([0-9]+)\"");
  private static final Pattern TIQRAUTH = Pattern.compile("\"value\":\"(tiqrauth://[^\"]+)\"");
  private static final Pattern TIQRENROLL = Pattern.compile("\"value\":\"tiqrenroll://([^\"]+)\"");
  private static final Pattern JWT = Pattern.compile("\"token\":\"([^\"]+)\"");
  private static final Pattern ENROLLMENT_URL = Pattern.compile("\"enrollmentUrl\":\"([^\"]+)\"");
  private static final Pattern OCRA_SUITE = Pattern.compile("\"ocraSuite\":\"([^\"]+)\"");
  private static final Pattern IDENTITY =
      Pattern.compile("\"identity\":\\{\"identifier\":\"([^\"]+)\"");

  private final Map<String, String> args;
  private final String base;
  private final int connections;
  private final int warmupSeconds;
  private final int measureSeconds;
  private final int hotpUsers;
  private final int tiqrUsers;
  private final long serverPid;
  private final String host;
  private final int port;

  /** One keep-alive connection per thread: each load worker owns one, as do the set-up threads. */
  private final ThreadLocal<HttpConnection> http;

  private final Hotp hotp = new Hotp(HashAlgorithm.SHA1, 6);

  private String jwt;
  private byte[][] hotpKeys;
  private long[] hotpNext;
  private TiqrAccount[] tiqr;

  record TiqrAccount(String user, String userId, OcraSuite suite, byte[] key) {}

  record Result(
      String name,
      String unit,
      int requestsPerOp,
      long ops,
      long errors,
      double seconds,
      Histogram latency,
      String firstError,
      double serverCpuSeconds,
      double driverCpuSeconds,
      String load) {
    /** CPU milliseconds per operation, or NaN when unknown. */
    double cpuMsPerOp(double cpuSeconds) {
      return cpuSeconds < 0 || ops == 0 ? Double.NaN : cpuSeconds * 1000 / ops;
    }

    double opsPerSecond() {
      return ops / seconds;
    }

    double requestsPerSecond() {
      return opsPerSecond() * requestsPerOp;
    }
  }

  /** An unexpected answer. */
  static final class Unexpected extends Exception {
    Unexpected(String message) {
      super(message, null, false, false);
    }
  }

  interface Op {
    void run(int worker, int iteration) throws Exception;
  }

  LoadDriver(Map<String, String> args) {
    this.args = args;
    String b = args.getOrDefault("base", "http://127.0.0.1:18181/");
    this.base = b.endsWith("/") ? b : b + "/";
    this.connections = Integer.parseInt(args.getOrDefault("connections", "32"));
    this.warmupSeconds = Integer.parseInt(args.getOrDefault("warmup", "10"));
    this.measureSeconds = Integer.parseInt(args.getOrDefault("measure", "20"));
    this.hotpUsers = Integer.parseInt(args.getOrDefault("hotp-users", "1024"));
    this.tiqrUsers = Integer.parseInt(args.getOrDefault("tiqr-users", "64"));
    this.serverPid = Long.parseLong(args.getOrDefault("pid", "0"));
    if (!base.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("loopback only: --base must start with http://127.0.0.1:");
    }
    URI uri = URI.create(base);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.http = ThreadLocal.withInitial(() -> new HttpConnection(host, port));
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + argv[i]);
      }
      args.put(argv[i].substring(2), argv[++i]);
    }
    int status = new LoadDriver(args).run();
    System.exit(status);
  }

  int run() throws Exception {
    List<String> scenarios =
        List.of(args.getOrDefault("scenarios", "ping,accept,wrong,tiqr,init").split(","));
    long t0 = System.nanoTime();
    setUp(scenarios);
    System.out.printf(
        Locale.ROOT,
        "setup: %d HOTP users, %d TiQR users enrolled in %.1f s%n",
        hotpKeys.length,
        tiqr.length,
        (System.nanoTime() - t0) / 1e9);

    List<Result> results = new ArrayList<>();
    long peakRss = 0;
    for (String s : scenarios) {
      Result r =
          switch (s) {
            case "ping" -> drive("no-op GET /ping", "req", 1, this::ping);
            case "accept" ->
                drive("/validate/check, fresh HOTP code (accept)", "check", 1, this::accept);
            case "wrong" -> drive("/validate/check, wrong code (reject)", "check", 1, this::wrong);
            case "tiqr" ->
                drive("TiQR login (check+answer+poll+finalise)", "login", 4, this::tiqrLogin);
            case "init" -> drive("/token/init (HOTP, genkey)", "token", 1, this::init);
            case "authflood" ->
                underAuthFlood(
                    () -> drive("/validate/check accept, /auth flooded", "check", 1, this::accept));
            default -> throw new IllegalArgumentException("unknown scenario " + s);
          };
      results.add(r);
      peakRss = Math.max(peakRss, rssKb("VmRSS"));
      System.out.printf(
          Locale.ROOT,
          "  %-44s %8.0f %s/s  p99 %6.1f ms  errors %d  (RSS %d MB)%n",
          r.name(),
          r.opsPerSecond(),
          r.unit(),
          r.latency().getValueAtPercentile(99) / 1000.0,
          r.errors(),
          rssKb("VmRSS") / 1024);
    }
    return report(results, peakRss);
  }

  // ----------------------------------------------------------------------------------------------
  // set-up

  private void setUp(List<String> scenarios) throws Exception {
    String password = args.get("admin-password");
    HttpConnection.Reply auth = post("auth", form("username", "admin", "password", password), null);
    jwt = match(JWT, auth, "POST /auth");
    definePolicies(Integer.parseInt(args.getOrDefault("policies", "0")));
    boolean needHotp =
        scenarios.contains("accept")
            || scenarios.contains("wrong")
            || scenarios.contains("authflood");
    if (scenarios.contains("authflood")) {
      createUser(FLOOD_USER);
    }
    hotpKeys = new byte[needHotp ? hotpUsers : 0][];
    hotpNext = new long[hotpKeys.length];
    Random random = new Random(20261123L);
    for (int i = 0; i < hotpKeys.length; i++) {
      hotpKeys[i] = new byte[20];
      random.nextBytes(hotpKeys[i]);
    }
    tiqr = new TiqrAccount[scenarios.contains("tiqr") ? tiqrUsers : 0];
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, connections));
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int i = 0; i < hotpKeys.length; i++) {
        int n = i;
        jobs.add(
            pool.submit(
                () -> {
                  createUser("bh" + n);
                  expectOk(
                      post(
                          "token/init",
                          form(
                              "type",
                              "hotp",
                              "user",
                              "bh" + n,
                              "serial",
                              "BENCHH" + n,
                              "pin",
                              HOTP_PIN,
                              "otpkey",
                              HexFormat.of().formatHex(hotpKeys[n])),
                          jwt),
                      "init hotp");
                  return null;
                }));
      }
      for (int i = 0; i < tiqr.length; i++) {
        int n = i;
        jobs.add(
            pool.submit(
                () -> {
                  tiqr[n] = enrolTiqr("bt" + n, random(n));
                  return null;
                }));
      }
      for (Future<?> job : jobs) {
        job.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] random(int n) {
    byte[] key = new byte[32];
    new Random(7_000_000L + n).nextBytes(key);
    return key;
  }

  private void createUser(String name) throws Exception {
    expectOk(
        post("user/", form("user", name, "password", "bench-" + name, "givenname", name), jwt),
        "user");
  }

  /**
   * Enrols a TiQR token as the tiqr app does: read the QR's metadata URL, then register a secret.
   */
  /**
   * Policies that every check of the benchmark matches and has to combine, but that decide what the
   * defaults decide: the token PIN, challenges for TiQR (which challenges anyway), and an enrolment
   * limit no user reaches.
   */
  private void definePolicies(int count) throws Exception {
    String[][] kinds = {
      {"authentication", "otppin=tokenpin", "realm", "default"},
      {"authentication", "challenge_response=tiqr", "client", "127.0.0.0/8, ::1"},
      {"enrollment", "max_token_per_user=1000", "user", "b.*"},
    };
    for (int i = 0; i < count; i++) {
      String[] k = kinds[i % kinds.length];
      expectOk(
          post(
              "policy/bench" + i,
              form(
                  "scope",
                  k[0],
                  "action",
                  k[1],
                  k[2],
                  k[3],
                  "priority",
                  Integer.toString(1 + i / kinds.length)),
              jwt),
          "policy");
    }
    if (count > 0) {
      System.out.printf(Locale.ROOT, "setup: %d policies defined%n", count);
    }
  }

  private TiqrAccount enrolTiqr(String user, byte[] key) throws Exception {
    createUser(user);
    HttpConnection.Reply init =
        post("token/init", form("type", "tiqr", "user", user, "pin", TIQR_PIN), jwt);
    expectOk(init, "init tiqr");
    String metadataUrl = match(TIQRENROLL, init, "tiqrenroll");
    HttpConnection.Reply metadata = get(local(metadataUrl));
    String enrollmentUrl = match(ENROLLMENT_URL, metadata, "metadata");
    OcraSuite suite = OcraSuite.parse(match(OCRA_SUITE, metadata, "metadata"));
    String userId = match(IDENTITY, metadata, "metadata");
    HttpConnection.Reply registered =
        http.get()
            .postForm(
                local(enrollmentUrl),
                form(
                    "secret",
                    HexFormat.of().formatHex(key),
                    "operation",
                    "register",
                    "language",
                    "en",
                    "notificationType",
                    "APNS",
                    "notificationAddress",
                    "bench"),
                null);
    if (registered.status() != 200 || !"OK".equals(registered.body().strip())) {
      throw new Unexpected("tiqr enrolment: " + registered.status() + " " + registered.body());
    }
    return new TiqrAccount(user, userId, suite, key);
  }

  /**
   * The path of a URL the server built from the request; refuses anything that would leave the
   * loopback.
   */
  private String local(String url) {
    if (!url.startsWith(base)) {
      throw new IllegalStateException("not a local URL: " + url);
    }
    return "/" + url.substring(base.length());
  }

  // ----------------------------------------------------------------------------------------------
  // scenarios

  private void ping(int worker, int iteration) throws Exception {
    HttpConnection.Reply r = get("/ping");
    if (r.status() != 200 || !r.body().contains("\"value\":true")) {
      throw new Unexpected("ping: " + r.status() + " " + r.body());
    }
  }

  /**
   * Worker w owns the HOTP users u with u % connections == w, so each token's counters are used in
   * order.
   */
  private int hotpUser(int worker, int iteration) {
    int owned = (hotpKeys.length - worker + connections - 1) / connections;
    if (owned <= 0) {
      throw new IllegalStateException("fewer HOTP users than connections");
    }
    return worker + (iteration % owned) * connections;
  }

  private void accept(int worker, int iteration) throws Exception {
    int u = hotpUser(worker, iteration);
    String code = hotp.at(hotpKeys[u], hotpNext[u]++);
    HttpConnection.Reply r =
        post("validate/check", form("user", "bh" + u, "pass", HOTP_PIN + code), null);
    if (r.status() != 200
        || !r.body().contains("\"value\":true")
        || !r.body().contains("\"ACCEPT\"")) {
      throw new Unexpected("accept: " + r.status() + " " + r.body());
    }
  }

  private void wrong(int worker, int iteration) throws Exception {
    int u = hotpUser(worker, iteration);
    String code = wrongCode(u);
    HttpConnection.Reply r =
        post("validate/check", form("user", "bh" + u, "pass", HOTP_PIN + code), null);
    if (r.status() != 200
        || !r.body().contains("\"value\":false")
        || !r.body().contains("\"REJECT\"")) {
      throw new Unexpected("wrong: " + r.status() + " " + r.body());
    }
  }

  /**
   * A code that matches none of the counters the server may look at (its look-ahead is at most
   * 100).
   */
  private String wrongCode(int u) {
    String candidate = hotp.at(hotpKeys[u], hotpNext[u] + 1_000_000L);
    for (int attempt = 0; ; attempt++) {
      boolean clash = false;
      for (long c = Math.max(0, hotpNext[u] - 1); c <= hotpNext[u] + 100 && !clash; c++) {
        clash = hotp.at(hotpKeys[u], c).equals(candidate);
      }
      if (!clash) {
        return candidate;
      }
      candidate =
          String.format(
              Locale.ROOT, "%06d", (Integer.parseInt(candidate) + 1 + attempt) % 1_000_000);
    }
  }

  private void tiqrLogin(int worker, int iteration) throws Exception {
    int owned = (tiqr.length - worker + connections - 1) / connections;
    if (owned <= 0) {
      throw new IllegalStateException("fewer TiQR users than connections");
    }
    TiqrAccount a = tiqr[worker + (iteration % owned) * connections];
    // 1. the login page sends the PIN: CHALLENGE with a tiqrauth:// QR code
    HttpConnection.Reply challenge =
        post("validate/check", form("user", a.user(), "pass", TIQR_PIN), null);
    if (!challenge.body().contains("\"CHALLENGE\"")) {
      throw new Unexpected("tiqr challenge: " + challenge.status() + " " + challenge.body());
    }
    String transaction = match(TRANSACTION, challenge, "transaction_id");
    String[] parts =
        match(TIQRAUTH, challenge, "tiqrauth").substring("tiqrauth://".length()).split("/");
    String userId =
        URLDecoder.decode(parts[0].substring(0, parts[0].lastIndexOf('@')), StandardCharsets.UTF_8);
    String sessionKey = parts[1];
    String question = parts[2];
    if (!userId.equals(a.userId())) {
      throw new Unexpected("tiqr user id " + userId + " is not " + a.userId());
    }
    // 2. the phone answers
    String response =
        Ocra.compute(
            a.suite(),
            a.key(),
            OcraInput.builder().question(question).sessionHex(sessionKey).build());
    HttpConnection.Reply answer =
        post(
            "ttype/tiqr",
            form(
                "sessionKey",
                sessionKey,
                "userId",
                userId,
                "response",
                response,
                "operation",
                "login",
                "language",
                "en",
                "notificationType",
                "APNS",
                "notificationAddress",
                "bench"),
            null);
    if (answer.status() != 200 || !"OK".equals(answer.body().strip())) {
      throw new Unexpected("tiqr answer: " + answer.status() + " " + answer.body());
    }
    // 3. the login page polls
    HttpConnection.Reply poll = get("/validate/polltransaction?transaction_id=" + transaction);
    if (!poll.body().contains("\"accept\"")) {
      throw new Unexpected("tiqr poll: " + poll.status() + " " + poll.body());
    }
    // 4. and finalises
    HttpConnection.Reply done =
        post(
            "validate/check",
            form("user", a.user(), "transaction_id", transaction, "pass", ""),
            null);
    if (!done.body().contains("\"value\":true") || !done.body().contains("\"ACCEPT\"")) {
      throw new Unexpected("tiqr finalise: " + done.status() + " " + done.body());
    }
  }

  private void init(int worker, int iteration) throws Exception {
    HttpConnection.Reply r =
        post("token/init", form("type", "hotp", "genkey", "1", "description", "bench"), jwt);
    if (r.status() != 200 || !r.body().contains("\"value\":true")) {
      throw new Unexpected("init: " + r.status() + " " + r.body());
    }
  }

  /**
   * Runs a measured scenario while {@link #FLOOD_CONNECTIONS} further connections post {@code
   * /auth} with a right password as fast as they can; the scenario's figures are its own, the
   * flood's outcome is printed beside them. A 503 from the bounded password hashing is the expected
   * answer to part of the flood, not an error.
   */
  private Result underAuthFlood(java.util.concurrent.Callable<Result> measured) throws Exception {
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.LongAdder signedIn = new java.util.concurrent.atomic.LongAdder();
    java.util.concurrent.atomic.LongAdder busy = new java.util.concurrent.atomic.LongAdder();
    java.util.concurrent.atomic.LongAdder other = new java.util.concurrent.atomic.LongAdder();
    String credentials = form("username", FLOOD_USER, "password", "bench-" + FLOOD_USER);
    Thread[] flood = new Thread[FLOOD_CONNECTIONS];
    for (int i = 0; i < flood.length; i++) {
      flood[i] =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try {
                    int status = post("auth", credentials, null).status();
                    (status == 200 ? signedIn : status == 503 ? busy : other).increment();
                  } catch (IOException e) {
                    other.increment();
                  }
                }
              },
              "flood-" + i);
      flood[i].start();
    }
    long t0 = System.nanoTime();
    try {
      return measured.call();
    } finally {
      stop.set(true);
      for (Thread t : flood) {
        t.join(REQUEST_TIMEOUT.toMillis() + 5_000);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "  /auth flood over %d connections: %.0f sign-ins/s, %.0f busy (503)/s,"
              + " %d other answers%n",
          FLOOD_CONNECTIONS,
          signedIn.sum() / seconds,
          busy.sum() / seconds,
          other.sum());
    }
  }

  // ----------------------------------------------------------------------------------------------
  // driving

  private Result drive(String name, String unit, int requestsPerOp, Op op)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(measureSeconds);
    Histogram[] histograms = new Histogram[connections];
    long[] ops = new long[connections];
    long[] errors = new long[connections];
    AtomicReference<String> firstError = new AtomicReference<>();
    Thread[] threads = new Thread[connections];
    for (int w = 0; w < connections; w++) {
      int worker = w;
      histograms[w] = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
      threads[w] =
          new Thread(
              () -> {
                int iteration = 0;
                for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                  boolean measured = now >= measureFrom;
                  boolean ok;
                  try {
                    op.run(worker, iteration++);
                    ok = true;
                  } catch (Exception e) {
                    ok = false;
                    firstError.compareAndSet(
                        null, e.getClass().getSimpleName() + ": " + abbreviate(e.getMessage()));
                  }
                  long after = System.nanoTime();
                  if (measured && after <= end) {
                    histograms[worker].recordValue(
                        Math.min(
                            TimeUnit.NANOSECONDS.toMicros(after - now),
                            histograms[worker].getHighestTrackableValue()));
                    ops[worker]++;
                    if (!ok) {
                      errors[worker]++;
                    }
                  }
                }
              },
              "load-" + w);
      threads[w].start();
    }
    // CPU time of both processes over the measured period: unlike throughput, hardly disturbed by
    // other load.
    sleepUntil(measureFrom);
    String recording = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    jcmd("JFR.start", "name=" + recording, "settings=profile");
    double serverCpu0 = serverCpuSeconds();
    double driverCpu0 = driverCpuSeconds();
    String load0 = loadAverage();
    sleepUntil(end);
    double serverCpu = serverCpu0 < 0 ? -1 : serverCpuSeconds() - serverCpu0;
    double driverCpu = driverCpuSeconds() - driverCpu0;
    String load = load0 + " -> " + loadAverage();
    if (args.containsKey("jfr-dir")) {
      jcmd(
          "JFR.stop",
          "name=" + recording,
          "filename=" + Path.of(args.get("jfr-dir"), recording + ".jfr"));
    }
    for (Thread t : threads) {
      t.join(
          TimeUnit.SECONDS.toMillis(warmupSeconds + measureSeconds)
              + REQUEST_TIMEOUT.toMillis()
              + 5_000);
    }
    Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    long totalOps = 0;
    long totalErrors = 0;
    for (int w = 0; w < connections; w++) {
      all.add(histograms[w]);
      totalOps += ops[w];
      totalErrors += errors[w];
    }
    return new Result(
        name,
        unit,
        requestsPerOp,
        totalOps,
        totalErrors,
        measureSeconds,
        all,
        firstError.get(),
        serverCpu,
        driverCpu,
        load);
  }

  /** With --jfr-dir: a flight recording of the server for each measured period only. */
  private void jcmd(String... command) {
    if (!args.containsKey("jfr-dir") || serverPid <= 0) {
      return;
    }
    List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(serverPid)));
    line.addAll(List.of(command));
    try {
      Process p =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      System.err.println("jcmd failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  /** utime + stime of the server from /proc/PID/stat (clock ticks of 10 ms), or -1. */
  private double serverCpuSeconds() {
    if (serverPid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(serverPid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static double driverCpuSeconds() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  // ----------------------------------------------------------------------------------------------
  // report

  private int report(List<Result> results, long peakRssKb) {
    double ceiling =
        results.stream()
            .filter(r -> r.name().startsWith("no-op"))
            .mapToDouble(Result::requestsPerSecond)
            .findFirst()
            .orElse(Double.NaN);
    long rssKb = rssKb("VmRSS");
    long hwmKb = rssKb("VmHWM");
    long startupMs = Long.parseLong(args.getOrDefault("startup-ms", "-1"));
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%n%s, %d CPUs, Java %s; %d connections, %d s warm-up + %d s measured "
                + "per scenario, %s%n%n",
            java.time.LocalDateTime.now().withNano(0),
            Runtime.getRuntime().availableProcessors(),
            Runtime.version(),
            connections,
            warmupSeconds,
            measureSeconds,
            base));
    out.append(
        "| scenario | ops/s | HTTP req/s | p50 ms | p99 ms | errors | req/s vs no-op "
            + "| server CPU ms/op | driver CPU ms/op | load avg |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f %s/s | %.0f | %.2f | %.2f | %d | %.2f | %.2f | %.2f | %s |%n",
              r.name(),
              r.opsPerSecond(),
              r.unit(),
              r.requestsPerSecond(),
              r.latency().getValueAtPercentile(50) / 1000.0,
              r.latency().getValueAtPercentile(99) / 1000.0,
              r.errors(),
              r.requestsPerSecond() / ceiling,
              r.cpuMsPerOp(r.serverCpuSeconds()),
              r.cpuMsPerOp(r.driverCpuSeconds()),
              r.load()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nserver RSS at the end: %d MB (peak VmHWM %d MB)%n",
            rssKb / 1024,
            hwmKb / 1024));
    out.append(
        String.format(
            Locale.ROOT, "start-up to the first 200 on /ping: %.1f s%n", startupMs / 1000.0));
    for (Result r : results) {
      if (r.firstError() != null) {
        out.append("first error in ")
            .append(r.name())
            .append(": ")
            .append(r.firstError())
            .append('\n');
      }
    }

    // The budget of the issue.
    List<String> verdicts = new ArrayList<>();
    boolean pass = true;
    for (Result r : results) {
      if (r.name().contains("(accept)")) {
        double ratio = r.requestsPerSecond() / ceiling;
        pass &=
            check(
                verdicts,
                ratio >= 0.5,
                String.format(Locale.ROOT, "accepting check >= 0.5 x no-op: %.2f", ratio));
        pass &=
            check(
                verdicts,
                r.latency().getValueAtPercentile(99) <= 25_000,
                String.format(
                    Locale.ROOT,
                    "accepting check p99 <= 25 ms: %.2f ms",
                    r.latency().getValueAtPercentile(99) / 1000.0));
      }
      pass &= check(verdicts, r.errors() == 0, r.name() + ": 0 errors: " + r.errors());
    }
    if (serverPid > 0) {
      pass &=
          check(
              verdicts,
              hwmKb <= 512 * 1024,
              "resident memory <= 512 MB: peak " + hwmKb / 1024 + " MB");
    }
    if (startupMs >= 0) {
      pass &=
          check(
              verdicts,
              startupMs <= 15_000,
              String.format(Locale.ROOT, "first answer <= 15 s: %.1f s", startupMs / 1000.0));
    }
    out.append("\nbudget:\n");
    verdicts.forEach(v -> out.append("  ").append(v).append('\n'));
    out.append(pass ? "budget met\n" : "budget NOT met\n");
    System.out.print(out);
    String table = args.get("table");
    if (table != null) {
      try {
        Files.writeString(Path.of(table), out.toString());
      } catch (IOException e) {
        System.err.println("cannot write " + table + ": " + e);
      }
    }
    return 0;
  }

  private static boolean check(List<String> verdicts, boolean ok, String what) {
    verdicts.add((ok ? "PASS " : "FAIL ") + what);
    return ok;
  }

  /** A line of /proc/PID/status in kB, or -1. */
  private long rssKb(String field) {
    if (serverPid <= 0) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(serverPid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  // ----------------------------------------------------------------------------------------------
  // HTTP

  private HttpConnection.Reply post(String path, String form, String authorization)
      throws IOException {
    return http.get().postForm("/" + path, form, authorization);
  }

  private HttpConnection.Reply get(String path) throws IOException {
    return http.get().get(path);
  }

  private static void expectOk(HttpConnection.Reply r, String what) throws Unexpected {
    if (r.status() != 200 || !r.body().contains("\"status\":true")) {
      throw new Unexpected(what + ": " + r.status() + " " + abbreviate(r.body()));
    }
  }

  private static String match(Pattern p, HttpConnection.Reply r, String what) throws Unexpected {
    Matcher m = p.matcher(r.body());
    if (!m.find()) {
      throw new Unexpected(what + ": " + r.status() + " " + abbreviate(r.body()));
    }
    return m.group(1);
  }

  private static String form(String... pairs) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) {
        s.append('&');
      }
      s.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return s.toString();
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
