package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cross-origin access for the widget endpoints only: a web app on a configured origin (or any,
 * with {@code *}) may call them from the browser. Admin endpoints never get CORS headers, so a
 * foreign page cannot use an admin's browser against them.
 */
public final class Cors {
  private static final Pattern WIDGET_PATH =
      Pattern.compile("/api/v1/surveys/[^/]+/(eligibility|impressions|dismissals|answers)");

  private final List<String> allowedOrigins;

  public Cors(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
  }

  public void register(RoutesConfig routes) {
    routes.before(this::addHeaders);
    routes.options(WidgetApi.BASE + "{action}", ctx -> ctx.status(204));
  }

  private void addHeaders(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || !WIDGET_PATH.matcher(ctx.path()).matches() || !allows(origin)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", allowedOrigins.contains("*") ? "*" : origin);
    ctx.header("Vary", "Origin");
    ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", "Content-Type");
    ctx.header("Access-Control-Max-Age", "600");
  }

  boolean allows(String origin) {
    return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
  }
}
