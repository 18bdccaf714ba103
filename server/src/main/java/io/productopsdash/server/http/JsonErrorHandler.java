package io.productopsdash.server.http;

import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors in the API's JSON shape: requests Jetty refuses before any handler sees them
 * (a {@code %00} or {@code /../} in the path, a URI over the header limit, an unparsable request
 * line or header). Such a request never reached the app and its connection is not reused, so the
 * reply says {@code Connection: close} instead of the connection just being dropped.
 */
final class JsonErrorHandler extends ErrorHandler {
  /** What Jetty's bare "400: Bad Request" stands for: it names no more. */
  private static final Map<Integer, String> GENERIC =
      Map.of(
          400,
          "the request line or a header is malformed (for example %00, a bad %-escape or /../ above the root in the path)");

  private final int maxHeaderBytes;

  JsonErrorHandler(int maxHeaderBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    if (status < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR_500;
    }
    Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t : null;
    // The cause says what was wrong ("Bad URI", "Ambiguous URI path separator"); the message often only the status.
    String message = cause != null && cause.getMessage() != null ? cause.getMessage()
        : request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : null;
    String reason =
        message == null || message.isBlank() || message.endsWith(HttpStatus.getMessage(status))
            ? GENERIC.getOrDefault(status, HttpStatus.getMessage(status))
            : message;
    JettyErrors.write(response, callback, status, title(status), ErrorMapping.slug(status), details(status, reason), true);
    return true;
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request: the request line or a header could not be accepted";
      case 414 -> "URI too long";
      case 431 -> "Request headers too large";
      default -> HttpStatus.getMessage(status);
    };
  }

  private Map<String, String> details(int status, String reason) {
    return switch (status) {
      case 414 -> Map.of("uri", "the request line is over " + maxHeaderBytes + " bytes");
      case 431 -> Map.of("headers", "are over " + maxHeaderBytes + " bytes");
      default -> Map.of("request", reason.length() > 300 ? reason.substring(0, 300) + "..." : reason);
    };
  }
}
