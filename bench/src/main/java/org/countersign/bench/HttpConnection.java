package org.countersign.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection to the server, used by one thread at a time, one request in
 * flight.
 *
 * <p>The load must come from the server's side of the budget, not from the client: a blocking
 * socket with a hand-rolled request line costs the driver a few microseconds per request, where a
 * general-purpose client spends a large share of a core on its selector and on parsing. It speaks
 * just what the scenarios need: GET and form POST, answers with a Content-Length or in chunks, and
 * reconnects when the server closes.
 */
final class HttpConnection implements AutoCloseable {

  /** A status and a body. */
  record Reply(int status, String body) {}

  private static final int TIMEOUT_MS = 30_000;

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  HttpConnection(String host, int port) {
    this.host = host;
    this.port = port;
  }

  Reply get(String path) throws IOException {
    return exchange("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n", null);
  }

  Reply postForm(String path, String form, String authorization) throws IOException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder(160)
            .append("POST ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(host)
            .append(':')
            .append(port)
            .append("\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    return exchange(head.append("\r\n").toString(), body);
  }

  private Reply exchange(String head, byte[] body) throws IOException {
    boolean reused = socket != null;
    try {
      return attempt(head, body);
    } catch (StaleConnection e) {
      close();
      if (!reused) {
        throw e;
      }
      // The server closed an idle keep-alive connection before it read this request: send it again,
      // once.
      return attempt(head, body);
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private Reply attempt(String head, byte[] body) throws IOException {
    if (socket == null) {
      open();
    }
    try {
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
    } catch (IOException e) {
      throw new StaleConnection(e.toString());
    }
    int first;
    try {
      first = in.read();
    } catch (java.net.SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw new StaleConnection(e.toString());
    }
    if (first < 0) {
      throw new StaleConnection("closed before an answer");
    }
    return read(first);
  }

  /**
   * The connection was gone before the server saw the request, so sending it again cannot repeat
   * it.
   */
  private static final class StaleConnection extends IOException {
    StaleConnection(String message) {
      super(message);
    }
  }

  private void open() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MS);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  private Reply read(int first) throws IOException {
    String statusLine = (char) first + line();
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closing = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 512);
    if (chunked) {
      for (long size = Long.parseLong(chunkSize(line()), 16);
          size > 0;
          size = Long.parseLong(chunkSize(line()), 16)) {
        copy(size, body);
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length >= 0) {
      copy(length, body);
    } else {
      in.transferTo(body);
      closing = true;
    }
    if (closing) {
      close();
    }
    return new Reply(status, body.toString(StandardCharsets.UTF_8));
  }

  private static String chunkSize(String line) {
    int semicolon = line.indexOf(';');
    return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
  }

  private void copy(long n, ByteArrayOutputStream to) throws IOException {
    byte[] buffer = new byte[8192];
    while (n > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
      if (read < 0) {
        throw new EOFException("connection closed inside a body");
      }
      to.write(buffer, 0, read);
      n -= read;
    }
  }

  /** One header line without its CRLF. */
  private String line() throws IOException {
    StringBuilder s = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        s.append((char) c);
      }
    }
    return s.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    socket = null;
    in = null;
    out = null;
  }
}
