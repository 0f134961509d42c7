package org.countersign.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process serving the packaged WAR at {@code /} on a free port, started by the
 * test itself rather than by Arquillian, so that a test can run several at once, stop one and start
 * it again. Each node is started with {@code --nocluster}: nodes share state only through the
 * database, never through a data grid.
 */
public final class ClusterNode implements AutoCloseable {

  private static final long START_TIMEOUT_MILLIS = 300_000;

  private final String name;
  private final Path dir;
  private final Map<String, String> properties;
  private final int port;
  private String contextRoot = "/";
  private Process process;

  private ClusterNode(String name, Path dir, Map<String, String> properties, int port) {
    this.name = name;
    this.dir = dir;
    this.properties = properties;
    this.port = port;
  }

  /**
   * A node named {@code name}, working in {@code dir}, with these system properties; not started
   * yet. They replace the node's defaults (the test admin password, a low PBKDF2 iteration count);
   * a null value leaves the property unset.
   */
  public static ClusterNode of(String name, Path dir, Map<String, String> properties) {
    return new ClusterNode(name, dir, properties, freePort());
  }

  /**
   * An empty working directory {@code name} under the test directory (its content from an earlier
   * run removed).
   */
  public static Path freshDir(String name) {
    Path dir = Path.of(System.getProperty("it.dir", "target/it"), name).toAbsolutePath();
    try {
      deleteTree(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves the WAR at this context root instead of {@code /}; call before {@link #launch()}. */
  public ClusterNode contextRoot(String root) {
    this.contextRoot = root;
    return this;
  }

  /** Starts the process without waiting for it; {@link #awaitReady()} waits. */
  public ClusterNode launch() {
    try {
      Files.createDirectories(dir);
      // A fresh runtime directory each time: Payara Micro redeploys an application it finds in a
      // reused one,
      // and while it swaps the two the node answers 404 after it already looked ready.
      deleteTree(dir.resolve("root"));
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx384m");
      Map<String, String> all = new LinkedHashMap<>();
      all.put("countersign.admin.password", Api.ADMIN_PASSWORD);
      all.put("countersign.password.iterations", "20000");
      properties.forEach(
          (k, v) -> {
            if (v == null) {
              all.remove(k);
            } else {
              all.put(k, v);
            }
          });
      all.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
      cmd.addAll(
          List.of(
              "-jar",
              microJar().toString(),
              "--nocluster",
              "--disablephonehome",
              "--prebootcommandfile",
              noDataGrid(),
              "--port",
              Integer.toString(port),
              "--contextroot",
              contextRoot,
              "--rootdir",
              dir.resolve("root").toString(),
              "--deploy",
              war().getPath()));
      process =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
              .start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The pre-boot commands that switch Payara's data grid off (config/payara), as an absolute path.
   */
  private static String noDataGrid() {
    return Path.of(
            System.getProperty("countersign.config", "config"), "payara", "no-data-grid.asadmin")
        .toAbsolutePath()
        .toString();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Waits until the application answers (a request without a JWT gets its 401 envelope). */
  public ClusterNode awaitReady() {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    Api api = api();
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + ", see " + log());
      }
      if (logText().contains("Exception while loading the app")) {
        stop();
        throw new IllegalStateException(name + " could not deploy the WAR, see " + log());
      }
      try {
        if (api.send(HttpRequest.newBuilder(api.base().resolve("token/")).GET()).status() == 401) {
          return this;
        }
      } catch (RuntimeException notYet) {
        // connection refused while the server boots
      }
      sleep(1000);
    }
    throw new IllegalStateException(
        name + " did not start within " + START_TIMEOUT_MILLIS / 1000 + " s, see " + log());
  }

  /**
   * Waits until the node gives up on the WAR: the process ends, or it reports that the application
   * did not load. Returns the log by then; fails when the application starts instead.
   */
  public String awaitRefusal() {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    Api api = api();
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive() || logText().contains("Exception while loading the app")) {
        return logText();
      }
      try {
        if (api.send(HttpRequest.newBuilder(api.base().resolve("token/")).GET()).status() == 401) {
          throw new AssertionError(name + " started although it should have refused, see " + log());
        }
      } catch (RuntimeException notYet) {
        // connection refused while the server boots
      }
      sleep(1000);
    }
    throw new IllegalStateException(
        name
            + " neither started nor gave up within "
            + START_TIMEOUT_MILLIS / 1000
            + " s, see "
            + log());
  }

  /**
   * Waits until the process ends by itself and returns its exit status; fails when it is still
   * running.
   */
  public int awaitExit() {
    try {
      if (!process.waitFor(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " still runs, see " + log());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public ClusterNode start() {
    return launch().awaitReady();
  }

  /** Stops the process the way an operator would (SIGTERM), and waits for it to end. */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  public Api api() {
    try {
      return new Api(
          new URL(
              "http://127.0.0.1:" + port + contextRoot + (contextRoot.endsWith("/") ? "" : "/")));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public String name() {
    return name;
  }

  public Path log() {
    return dir.resolve("server.log");
  }

  /** The server log so far, for assertions on what a node reported. */
  public String logText() {
    try {
      return Files.exists(log()) ? Files.readString(log()) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static File war() {
    return new File(System.getProperty("countersign.war", "target/countersign.war"))
        .getAbsoluteFile();
  }

  /**
   * The Payara Micro jar the tests depend on (test scope), wherever the local repository keeps it.
   */
  private static Path microJar() {
    try {
      Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
      return Path.of(micro.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException("payara-micro is not on the test classpath", e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
