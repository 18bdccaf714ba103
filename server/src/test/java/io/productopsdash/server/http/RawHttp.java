package io.productopsdash.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} cannot do: send from a
 * chosen loopback address (127.0.0.0/8 is all loopback on Linux, so each test client can have an
 * address of its own), send a body a byte at a time, send a request line no client library
 * would, and see whether the server closes the connection after its reply.
 */
final class RawHttp implements AutoCloseable {
  /** A reply: status, headers (lower-case names) and body; {@code closed} when the server then ended the connection. */
  record Reply(int status, Map<String, String> headers, String body, boolean closed) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  /** Connects to {@code port} on 127.0.0.1 from {@code fromAddress} (null: any). */
  static RawHttp connect(String fromAddress, int port) throws IOException {
    Socket s = new Socket();
    if (fromAddress != null) {
      s.bind(new InetSocketAddress(fromAddress, 0));
    }
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setTcpNoDelay(true);
    return new RawHttp(s);
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** The head of a JSON POST whose body follows separately. */
  static String postHead(String path, int contentLength) {
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + contentLength + "\r\n\r\n";
  }

  /** Whether a reply (or the end of the connection) has arrived, without waiting. */
  boolean hasReplyOrEnd() throws IOException {
    return socket.getInputStream().available() > 0 || socket.isInputShutdown();
  }

  /** Reads one reply within {@code timeoutMillis} ({@code closed} is not looked at: false). */
  Reply read(int timeoutMillis) throws IOException {
    return read(timeoutMillis, false);
  }

  /**
   * Reads one reply within {@code timeoutMillis}; with {@code seeEnd}, then waits up to 2 s to see
   * whether the server closes the connection.
   */
  Reply read(int timeoutMillis, boolean seeEnd) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before a reply; read: " + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    boolean closed = false;
    if (!seeEnd) {
      return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), false);
    }
    try {
      socket.setSoTimeout(2_000);
      closed = in.read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      closed = false;
    } catch (IOException reset) {
      closed = true;
    }
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), closed);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
