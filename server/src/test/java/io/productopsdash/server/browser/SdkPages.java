package io.productopsdash.server.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The web app of BrowserSdksIT, on its own origin ({@code http://127.0.0.1:<port>}, while
 * ProductOpsDash answers on {@code localhost}): the test pages under {@code /sdks/} (test
 * resources) and the SDKs' own {@code dist} builds under {@code /nm/}, served as they are from
 * {@code server/src/test/node/node_modules}.
 */
final class SdkPages implements AutoCloseable {
  private static final String PAGES = "/io/productopsdash/server/browser/sdks/";
  private static final Pattern PAGE_NAME = Pattern.compile("[a-z]+\\.(html|js)");

  private final Path nodeModules;
  private final HttpServer server;

  SdkPages(Path nodeModules) throws IOException {
    this.nodeModules = nodeModules.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}: the origin ProductOpsDash must allow. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/favicon.ico")) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      byte[] body = null;
      if (path.startsWith("/sdks/") && PAGE_NAME.matcher(path.substring(6)).matches()) {
        try (InputStream in = SdkPages.class.getResourceAsStream(PAGES + path.substring(6))) {
          body = in == null ? null : in.readAllBytes();
        }
      } else if (path.startsWith("/nm/")) {
        Path file = nodeModules.resolve(path.substring(4)).normalize();
        if (file.startsWith(nodeModules) && Files.isRegularFile(file)) {
          body = Files.readAllBytes(file);
        }
      }
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String type = path.endsWith(".html") ? "text/html; charset=utf-8" : "application/javascript; charset=utf-8";
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
