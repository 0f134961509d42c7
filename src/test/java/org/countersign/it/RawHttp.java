package org.countersign.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests that the JDK client refuses to send, such as one with
 * a Host header of the test's choosing. Each request closes its connection.
 */
final class RawHttp {

  /** A reply: status, header lines as sent ({@code name: value}) and the body as text. */
  record Reply(int status, List<String> headers, String body) {
    /** Every value of a header, by case-insensitive name. */
    List<String> header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).strip())
          .toList();
    }
  }

  private RawHttp() {}

  static Reply get(int port, String path, String host) {
    return send(
        port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  }

  static Reply post(int port, String path, String host, String jwt, String form) {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    return send(
        port,
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nConnection: close\r\n"
            + (jwt == null ? "" : "Authorization: " + jwt + "\r\n")
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + body.length
            + "\r\n\r\n"
            + form);
  }

  static Reply send(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    in.transferTo(buf);
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static Reply parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    String body = end < 0 ? "" : raw.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
    return new Reply(status, headers, body);
  }
}
