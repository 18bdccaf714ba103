package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cross-origin access, governed by {@code --allowed-origins} (an origin list, or {@code *} for
 * any): for the widget endpoints and for every event ingestion path ({@link IngestionPaths}), so
 * analytics SDKs running in a web app on another origin can send. Admin endpoints never get CORS
 * headers, so a foreign page cannot use an admin's browser against them.
 *
 * <p>An allowed origin gets {@code Access-Control-Allow-Origin} with its own origin and {@code
 * Vary: Origin}; a preflight ({@code OPTIONS}) is answered 204 with the methods and the headers it
 * asked for (analytics.js sends {@code Authorization}, Amplitude {@code Content-Type}, retries
 * {@code X-Retry-Count}). A request to an ingestion path from an origin that is not allowed gets no
 * CORS header (so the browser blocks it) and is refused with a 403 before anything is read or
 * stored: a {@code sendBeacon} or form post needs no preflight, so the header alone would not stop
 * its write. Requests without {@code Origin} (server-side clients) and from the server's own origin
 * are not affected.
 */
public final class Cors {
  private static final Pattern WIDGET_PATH =
      Pattern.compile("/api/v1/surveys/[^/]+/(eligibility|impressions|dismissals|answers)");
  /** Request header lists echoed in a preflight reply: header names, commas and spaces only. */
  private static final Pattern HEADER_LIST = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*");
  /** What a preflight allows when it does not say which headers it wants. */
  static final String DEFAULT_ALLOWED_HEADERS = "Content-Type, Authorization, Content-Encoding, X-Retry-Count";
  static final String MAX_AGE_SECONDS = "600";

  private final List<String> allowedOrigins;

  public Cors(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
  }

  public void register(RoutesConfig routes) {
    routes.before(this::addHeaders);
    routes.options(WidgetApi.BASE + "{action}", ctx -> ctx.status(204));
    for (String path : IngestionPaths.all()) {
      routes.options(path, ctx -> ctx.status(204));
    }
  }

  private void addHeaders(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    if (IngestionPaths.matches(ctx.path())) {
      if (!allows(origin) && !sameOrigin(ctx, origin)) {
        throw IngestionException.originNotAllowed(origin);
      }
      String requested = ctx.header("Access-Control-Request-Headers");
      boolean echo = ctx.method() == HandlerType.OPTIONS && requested != null && HEADER_LIST.matcher(requested.strip()).matches();
      allow(ctx, origin, echo ? requested.strip() : DEFAULT_ALLOWED_HEADERS);
      ctx.header("Access-Control-Expose-Headers", "Retry-After");
    } else if (WIDGET_PATH.matcher(ctx.path()).matches() && allows(origin)) {
      allow(ctx, allowedOrigins.contains("*") ? "*" : origin, "Content-Type");
    }
  }

  private static void allow(Context ctx, String allowOrigin, String headers) {
    ctx.header("Access-Control-Allow-Origin", allowOrigin);
    ctx.header("Vary", "Origin");
    ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", headers);
    ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
  }

  boolean allows(String origin) {
    return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
  }

  /**
   * Whether {@code origin} is this server's own (its host and port are the request's {@code
   * Host}): a page served from here, where the browser sends {@code Origin} on a POST too.
   */
  private static boolean sameOrigin(Context ctx, String origin) {
    String host = ctx.header("Host");
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
