package io.productopsdash.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the API's error body ({@link ApiError}) from Jetty handlers that run before Javalin:
 * requests refused for their address, their pace or a malformed request line. {@code close}
 * adds {@code Connection: close} where the request's body is not read, so the client learns the
 * connection ends instead of finding it dropped.
 */
final class JettyErrors {
  private static final GsonJsonMapper JSON = new GsonJsonMapper();

  private JettyErrors() {}

  static void write(
      Response response, Callback callback, int status, String title, String slug, Map<String, String> details,
      boolean close) {
    byte[] body =
        JSON.toJsonString(new ApiError(title, status, ApiError.TYPE_BASE + slug, details), ApiError.class)
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.getHeaders().put(HttpHardening.NOSNIFF, "nosniff");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (close) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
