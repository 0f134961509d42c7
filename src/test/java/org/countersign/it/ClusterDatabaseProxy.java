package org.countersign.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a server and its database that a test can cut and restore, so that "the
 * database went away" affects one server under test and never the PostgreSQL other builds share.
 * Cutting closes every relayed connection and stops listening (new connections are refused);
 * restoring listens on the same port again.
 */
public final class ClusterDatabaseProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  public ClusterDatabaseProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = listen(0);
  }

  public int port() {
    return port;
  }

  /** The database goes away: relayed connections drop, new ones are refused. */
  public synchronized void cut() {
    closeQuietly(listener);
    open.forEach(ClusterDatabaseProxy::closeQuietly);
    open.clear();
  }

  /** The database is back. */
  public synchronized void restore() {
    listen(port);
  }

  @Override
  public void close() {
    cut();
  }

  private synchronized int listen(int wanted) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
      listener = s;
      Thread t = new Thread(() -> accept(s), "db-proxy-accept");
      t.setDaemon(true);
      t.start();
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException dropped) {
                // one side closed: close the other as well
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "db-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception ignored) {
      // already closed
    }
  }
}
