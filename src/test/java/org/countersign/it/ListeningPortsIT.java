package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server process listens on its HTTP port and nothing else: no Hazelcast member port on every
 * interface. Reads the kernel's socket tables, so it needs Linux; the test server runs on this
 * machine. The one other port allowed is the test database's own: on H2 the test servers open the
 * database with {@code AUTO_SERVER=TRUE}, so that tests can read it while the server runs, and H2
 * then listens on the port it writes into its lock file.
 */
class ListeningPortsIT extends OnDefaultServer {

  /** TCP state 0A is LISTEN in /proc/net/tcp. */
  private static final String LISTEN = "0A";

  @Test
  void serverProcessListensOnItsHttpPortOnly() throws IOException {
    Map<String, Integer> listeningByInode = listeningSockets();
    String httpInode =
        listeningByInode.entrySet().stream()
            .filter(e -> e.getValue() == base.getPort())
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing listens on port " + base.getPort()));
    Path process =
        processOwning(httpInode)
            .orElseThrow(
                () -> new AssertionError("no process owns the socket of port " + base.getPort()));

    Set<Integer> ports = new TreeSet<>();
    for (String inode : socketInodes(process)) {
      Integer port = listeningByInode.get(inode);
      if (port != null) {
        ports.add(port);
      }
    }
    Set<Integer> expected = new TreeSet<>(Set.of(base.getPort()));
    h2AutoServerPort().ifPresent(expected::add);
    assertEquals(expected, ports, "ports the server process " + process + " listens on");
  }

  /**
   * The port of H2's auto-server for the default test server's database, while that database is
   * open.
   */
  private static Optional<Integer> h2AutoServerPort() throws IOException {
    Path lock =
        Path.of(System.getProperty("it.dir", "target/it"), "default", "countersign.lock.db");
    if (!Files.exists(lock)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (var in = Files.newInputStream(lock)) {
      p.load(in);
    }
    String server = p.getProperty("server", "");
    return server.isEmpty()
        ? Optional.empty()
        : Optional.of(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
  }

  private static Map<String, Integer> listeningSockets() throws IOException {
    Map<String, Integer> byInode = new HashMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 9 && LISTEN.equals(f[3])) {
          String local = f[1];
          byInode.put(f[9], Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
        }
      }
    }
    assertFalse(byInode.isEmpty(), "the kernel's socket tables list listening sockets");
    return byInode;
  }

  private static Optional<Path> processOwning(String inode) throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> socketInodes(p).contains(inode))
          .findFirst();
    }
  }

  private static Set<String> socketInodes(Path process) {
    Set<String> inodes = new TreeSet<>();
    try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
              }
            } catch (IOException e) {
              // the descriptor closed while we looked
            }
          });
    } catch (IOException e) {
      // the process ended or is not ours to read
    }
    return inodes;
  }
}
