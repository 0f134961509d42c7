package org.countersign.ldap;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenLDAP for tests: Debian's {@code /usr/sbin/slapd} as a plain process, with its own
 * {@code slapd.conf} and database in a temp dir, on free ports (LDAP, and LDAPS with a CA and a
 * server certificate made for the test), loaded with users in two organisational units.
 *
 * <pre>{@code
 * @RegisterExtension static final Slapd LDAP = new Slapd();
 * ... LDAP.uri() ... LDAP.setPassword("alice", "new-secret-1") ... LDAP.stop(); LDAP.start();
 * }</pre>
 *
 * Users (password = name + "-pass-1"): alice, carol (ou=people), bob, dave (ou=staff). The service
 * account {@link #BIND_DN} reads the directory with {@link #BIND_PASSWORD}.
 */
public final class Slapd implements BeforeAllCallback, AfterAllCallback {

  public static final String BASE = "dc=example,dc=org";
  public static final String ROOT_DN = "cn=admin," + BASE;
  public static final String ROOT_PASSWORD = "root-secret-9";
  public static final String BIND_DN = "cn=reader," + BASE;
  public static final String BIND_PASSWORD = "reader-secret-7";

  private Path dir;
  private int port;
  private int tlsPort;
  private Process process;

  public static String passwordOf(String user) {
    return user + "-pass-1";
  }

  /**
   * The form of {@code POST /resolver/<name>} for an LDAP resolver of this directory's users at
   * {@code uri} (this server's, or one where nothing answers), read with the service account.
   */
  public static java.util.Map<String, String> resolverForm(String uri) {
    java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("type", "ldapresolver");
    form.put("LDAPURI", uri);
    form.put("LDAPBASE", BASE);
    form.put("BINDDN", BIND_DN);
    form.put("BINDPW", BIND_PASSWORD);
    form.put("LOGINNAMEATTRIBUTE", "uid");
    form.put("TIMEOUT", "2");
    return form;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (dir == null) {
      create();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  /** Writes the configuration, certificates and entries, and starts the server. */
  public synchronized void create() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("slapd");
    Files.createDirectories(dir.resolve("db"));
    port = freePort();
    tlsPort = freePort();
    certificates();
    String rootHash = run(List.of("/usr/sbin/slappasswd", "-s", ROOT_PASSWORD), null).strip();
    String conf =
        String.join(
            "\n",
            "include /etc/ldap/schema/core.schema",
            "include /etc/ldap/schema/cosine.schema",
            "include /etc/ldap/schema/nis.schema",
            "include /etc/ldap/schema/inetorgperson.schema",
            "pidfile " + dir.resolve("slapd.pid"),
            "argsfile " + dir.resolve("slapd.args"),
            "modulepath /usr/lib/ldap",
            "moduleload back_mdb",
            "TLSCACertificateFile " + caFile(),
            "TLSCertificateFile " + dir.resolve("server.pem"),
            "TLSCertificateKeyFile " + dir.resolve("server.key"),
            "database mdb",
            "maxsize 10485760",
            "suffix \"" + BASE + "\"",
            "rootdn \"" + ROOT_DN + "\"",
            "rootpw " + rootHash,
            "directory " + dir.resolve("db"),
            "access to attrs=userPassword by self write by anonymous auth by * none",
            "access to * by * read",
            "");
    Files.writeString(dir.resolve("slapd.conf"), conf);
    start();
    ldif(entries(), "ldapadd");
  }

  /** Starts (or starts again) the server on its ports, with the data it had. */
  public synchronized void start() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                "/usr/sbin/slapd",
                "-f",
                dir.resolve("slapd.conf").toString(),
                "-h",
                "ldap://127.0.0.1:" + port + "/ ldaps://127.0.0.1:" + tlsPort + "/",
                "-d",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("slapd.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Process probe =
          new ProcessBuilder(
                  "ldapsearch", "-x", "-H", uri(), "-b", "", "-s", "base", "-o", "nettimeout=1")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (probe.waitFor() == 0) {
        return;
      }
      if (!process.isAlive()) {
        throw new IOException("slapd ended: " + Files.readString(dir.resolve("slapd.log")));
      }
      Thread.sleep(50);
    }
    throw new IOException("slapd did not answer on port " + port);
  }

  /** Stops the server; its ports refuse connections until {@link #start}. */
  public synchronized void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  public String uri() {
    return "ldap://127.0.0.1:" + port;
  }

  /** The LDAPS URI, by the name the server certificate carries. */
  public String ldapsUri() {
    return "ldaps://localhost:" + tlsPort;
  }

  /** The StartTLS URI, by the name the server certificate carries. */
  public String startTlsUri() {
    return "ldap://localhost:" + port;
  }

  public int port() {
    return port;
  }

  /** The PEM file of the CA that signed the server certificate. */
  public Path caFile() {
    return dir.resolve("ca.pem");
  }

  /** Changes a user's password in the directory, as the directory's administrator. */
  public void setPassword(String uid, String password) throws IOException, InterruptedException {
    ldif(
        "dn: "
            + dnOf(uid)
            + "\nchangetype: modify\nreplace: userPassword\nuserPassword: "
            + password
            + "\n",
        "ldapmodify");
  }

  /** Renames a user: the entry's login attribute, and so its DN, change; its entryUUID stays. */
  public void rename(String uid, String newUid) throws IOException, InterruptedException {
    ldif(
        "dn: " + dnOf(uid) + "\nchangetype: modrdn\nnewrdn: uid=" + newUid + "\ndeleteoldrdn: 1\n",
        "ldapmodify");
  }

  /** Adds entries given as LDIF. */
  public void add(String ldif) throws IOException, InterruptedException {
    ldif(ldif, "ldapadd");
  }

  public static String dnOf(String uid) {
    String ou = uid.equals("bob") || uid.equals("dave") ? "staff" : "people";
    return "uid=" + uid + ",ou=" + ou + "," + BASE;
  }

  /** A TCP port nothing listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void ldif(String ldif, String tool) throws IOException, InterruptedException {
    run(List.of(tool, "-x", "-H", uri(), "-D", ROOT_DN, "-w", ROOT_PASSWORD), ldif);
  }

  private void certificates() throws IOException, InterruptedException {
    Path ext = dir.resolve("san.ext");
    Files.writeString(ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    run(
        List.of(
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Countersign Test CA",
            "-keyout",
            dir.resolve("ca.key").toString(),
            "-out",
            dir.resolve("ca.pem").toString()),
        null);
    run(
        List.of(
            "openssl",
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
            dir.resolve("server.key").toString(),
            "-out",
            dir.resolve("server.csr").toString()),
        null);
    run(
        List.of(
            "openssl",
            "x509",
            "-req",
            "-days",
            "2",
            "-in",
            dir.resolve("server.csr").toString(),
            "-CA",
            dir.resolve("ca.pem").toString(),
            "-CAkey",
            dir.resolve("ca.key").toString(),
            "-CAcreateserial",
            "-extfile",
            ext.toString(),
            "-out",
            dir.resolve("server.pem").toString()),
        null);
  }

  private static String entries() {
    List<String> out = new ArrayList<>();
    out.add(
        "dn: "
            + BASE
            + "\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n");
    out.add(
        "dn: "
            + BIND_DN
            + "\nobjectClass: simpleSecurityObject\nobjectClass: organizationalRole\ncn: reader\n"
            + "userPassword: "
            + BIND_PASSWORD
            + "\n");
    for (String ou : new String[] {"people", "staff"}) {
      out.add("dn: ou=" + ou + "," + BASE + "\nobjectClass: organizationalUnit\nou: " + ou + "\n");
    }
    String[][] users = {
      {"alice", "Alice", "Archer", "+49 170 1111"},
      {"carol", "Carol", "Cooper", "+49 170 3333"},
      {"bob", "Bob", "Baker", "+49 170 2222"},
      {"dave", "Dave", "Dyer", "+49 170 4444"}
    };
    for (String[] u : users) {
      out.add(
          "dn: "
              + dnOf(u[0])
              + "\nobjectClass: inetOrgPerson\nuid: "
              + u[0]
              + "\ncn: "
              + u[1]
              + " "
              + u[2]
              + "\ngivenName: "
              + u[1]
              + "\nsn: "
              + u[2]
              + "\nmail: "
              + u[0]
              + "@example.org\nmobile: "
              + u[3]
              + "\nuserPassword: "
              + passwordOf(u[0])
              + "\n");
    }
    return String.join("\n", out);
  }

  private static String run(List<String> command, String input)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (input != null) {
      p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(command.get(0) + " failed: " + output);
    }
    return output;
  }
}
