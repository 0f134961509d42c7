package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The same WAR on WildFly 39, prepared exactly as config/wildfly/ describes: the CLI script
 * switches on property replacement, the WAR is dropped into standalone/deployments, and a TOTP
 * token is enrolled and checked. Runs when the build hands it the WildFly distribution ({@code mvn
 * verify -Pwildfly-smoke}); skipped otherwise.
 */
class WildFlySmokeIT {

  private static final long START_TIMEOUT_MILLIS = 300_000;

  @Test
  void sameWarDeploysOnWildFlyAndEnrolsAndChecksATotpToken() throws Exception {
    String zip = System.getProperty("wildfly.zip");
    Assumptions.assumeTrue(zip != null && Files.exists(Path.of(zip)), "needs -Pwildfly-smoke");
    Path dir = Path.of(System.getProperty("it.dir", "target/it"), "wildfly").toAbsolutePath();
    Path home = unzip(Path.of(zip), dir);
    Path config = Path.of(System.getProperty("countersign.config", "config")).toAbsolutePath();
    run(
        home,
        List.of(
            home.resolve("bin/jboss-cli.sh").toString(),
            "--file=" + config.resolve("wildfly/countersign.cli")),
        dir.resolve("cli.log"));
    Files.copy(
        Path.of(System.getProperty("countersign.war", "target/countersign.war")),
        home.resolve("standalone/deployments/ROOT.war"),
        StandardCopyOption.REPLACE_EXISTING);
    Path props = dir.resolve("countersign.properties");
    Files.writeString(
        props,
        "countersign.data.dir="
            + dir.resolve("data")
            + "\n"
            + "countersign.admin.password="
            + Api.ADMIN_PASSWORD
            + "\n"
            + "countersign.password.iterations=20000\n"
            + "MPCONFIG\\=countersign.db.datasource=org.h2.jdbcx.JdbcDataSource\n"
            + "MPCONFIG\\=countersign.db.url=jdbc:h2:file:"
            + dir.resolve("data/countersign")
            + "\n");

    int offset = freePort() % 20000 + 10000 - 8080;
    Process server =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "-P",
                props.toString(),
                "-Djboss.socket.binding.port-offset=" + offset,
                "-b",
                "127.0.0.1")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    try {
      Api api = new Api(new URL("http://127.0.0.1:" + (8080 + offset) + "/"));
      awaitDeployed(api, server, dir);
      String admin = api.adminJwt();
      String user = api.newUser(admin, "wildfly", "user-Passw0rd");
      Api.Reply init = api.init(admin, "type", "totp", "genkey", "1", "user", user, "pin", "1357");
      assertEquals(200, init.status(), init.body());
      Codes codes = Codes.fromOtpauth(init.detail().getJsonObject("googleurl").getString("value"));
      codes.awayFromStepEdge();
      String code = codes.totpNow();
      Api.Reply accepted = api.check("user", user, "pass", "1357" + code);
      assertTrue(accepted.value(), accepted.body());
      assertFalse(
          api.check("user", user, "pass", "1357" + code).value(), "a replayed code is rejected");
    } finally {
      stop(server);
    }
  }

  private static void awaitDeployed(Api api, Process server, Path dir) {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      assertTrue(server.isAlive(), "WildFly exited, see " + dir.resolve("server.log"));
      try {
        if (api.send(HttpRequest.newBuilder(api.base().resolve("token/")).GET()).status() == 401) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      ClusterNode.sleep(1000);
    }
    throw new AssertionError(
        "the WAR did not come up on WildFly, see " + dir.resolve("server.log"));
  }

  /**
   * standalone.sh starts java as a child; stopping the script alone would leave the server running.
   */
  private static void stop(Process server) throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
    all.add(server.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      p.onExit().completeOnTimeout(p, 60, TimeUnit.SECONDS).join();
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  private static void run(Path home, List<String> cmd, Path log)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(cmd)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "CLI timed out, see " + log);
    assertEquals(0, p.exitValue(), "CLI failed, see " + log);
  }

  private static Path unzip(Path zip, Path dir) throws IOException {
    Path home = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("entry outside the target: " + e.getName());
        }
        if (home == null) {
          home = dir.resolve(Path.of(e.getName()).getName(0));
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          copy(in, target);
          if (target.toString().endsWith(".sh")) {
            Files.setPosixFilePermissions(
                target,
                Set.of(
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
          }
        }
      }
    }
    return home;
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
