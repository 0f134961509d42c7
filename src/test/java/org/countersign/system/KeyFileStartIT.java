package org.countersign.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fish.payara.micro.PayaraMicro;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The master key guards the database: a server whose key file is missing or is another key refuses
 * to start against a database that holds secrets, and says why. Boots the packaged WAR in Payara
 * Micro processes of its own, since the behaviour under test is the start-up itself.
 */
class KeyFileStartIT {

  private Process server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor();
    }
  }

  @Test
  void refusesToStartWithAnotherKeyOrWithoutTheKeyFile() throws Exception {
    Path dir = Path.of(System.getProperty("it.dir", "target/it"), "keyfile");
    Files.createDirectories(dir);

    Start first = start(dir, "first.log");
    assertTrue(first.deployed(), "a fresh data directory starts");
    assertEquals(200, enrolSomething(first.port()), "the server works and stores a sealed seed");
    stop();

    Path keyFile = dir.resolve("countersign.key");
    byte[] other = new byte[32];
    new SecureRandom().nextBytes(other);
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(other) + "\n");
    Start wrong = start(dir, "wrong-key.log");
    assertFalse(wrong.deployed(), "another key must not start");
    assertTrue(wrong.log().contains("does not belong to this database"), "the log says why");
    stop();

    Files.delete(keyFile);
    Start missing = start(dir, "missing-key.log");
    assertFalse(missing.deployed(), "a missing key file must not start");
    assertTrue(
        missing.log().contains("is missing, but the database holds secrets"), "the log says why");
    assertFalse(Files.exists(keyFile), "no new key is made for a database that has secrets");
  }

  private int enrolSomething(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port + "/";
    String login =
        post(http, base + "auth", "username=admin&password=it-Admin-Passw0rd", null).body();
    String jwt = login.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    return post(http, base + "token/init", "type=hotp&genkey=1", jwt).statusCode();
  }

  private static HttpResponse<String> post(HttpClient http, String url, String form, String jwt)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (jwt != null) {
      b.header("Authorization", jwt);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Starts Payara Micro with the WAR at the root and waits until it is ready (or gives up after 3
   * minutes).
   */
  private Start start(Path dataDir, String logName) throws Exception {
    int port = freePort();
    String jar =
        new File(PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath();
    Path log = dataDir.resolve(logName);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-Dcountersign.data.dir=" + dataDir.toAbsolutePath(),
                "-Dcountersign.db.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/countersign",
                "-Dcountersign.admin.password=it-Admin-Passw0rd",
                "-Dcountersign.password.iterations=20000",
                "-jar",
                jar,
                "--deploy",
                System.getProperty("countersign.war", "target/countersign.war"),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile",
                Path.of(
                        System.getProperty("countersign.config", "config"),
                        "payara",
                        "no-data-grid.asadmin")
                    .toAbsolutePath()
                    .toString(),
                "--rootdir",
                dataDir.resolve("payara-" + logName).toAbsolutePath().toString()));
    server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      String text = Files.readString(log);
      if (!server.isAlive()) {
        // Payara Micro ends the process when the application refuses to start
        return new Start(port, text, false);
      }
      if (text.contains("ready in")) {
        return new Start(port, text, answersApi(port));
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Payara Micro did not become ready: " + Files.readString(log));
  }

  private static boolean answersApi(int port) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/validate/check"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.body().contains("\"jsonrpc\"");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private record Start(int port, String log, boolean deployed) {}
}
