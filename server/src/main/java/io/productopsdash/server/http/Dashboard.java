package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.models.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The PM dashboard: a login page, the single-page app shell for every {@code /app/...} path, its
 * script and style, and ECharts served from its webjar (no CDN: the dashboard works offline).
 * The pages draw everything from the JSON API; the script builds the DOM with text nodes only,
 * so no user text is ever parsed as HTML, and a strict Content-Security-Policy forbids inline
 * scripts as a second line of defence.
 *
 * <p>Logging in exchanges the admin token for a session cookie ({@code POST /api/v1/session});
 * the cookie is HttpOnly and SameSite=Strict, so page scripts never hold the token.
 */
public final class Dashboard {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          + "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
  private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  /** App paths a browser may open directly; anything else under /app is a 404. */
  private static final Pattern APP_PATH =
      Pattern.compile("/app(/(overview|themes|themes/\\d+|search|feature-requests|acquisition|onboarding|usage|satisfaction|digest|surveys|surveys/new|surveys/\\d+|settings))?/?");
  /**
   * Names of the app's assets: its ES modules ({@code main.js} imports the others) and style sheet,
   * read from the app's resource folder; the pattern admits no path separator.
   */
  private static final Pattern ASSET_NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css)");
  private static final String APP_RESOURCES = "/io/productopsdash/server/web/app/";

  private final AdminAuth auth;
  private final String shell = text("/io/productopsdash/server/web/app/app.html");
  private final String loginPage = text("/io/productopsdash/server/web/app/login.html");
  /** Assets read so far (each read once); an absent name maps to an empty array. */
  private final Map<String, byte[]> assets = new ConcurrentHashMap<>(Map.of("echarts.min.js", bytes(ECHARTS)));

  private final String publicUrl;

  /** {@code publicUrl} is where users reach the server (null: unknown); an https one makes the cookie Secure. */
  public Dashboard(AdminAuth auth, String publicUrl) {
    this.auth = auth;
    this.publicUrl = publicUrl;
  }

  public void register(RoutesConfig routes) {
    routes.get("/", ctx -> ctx.redirect("/app"));
    routes.get("/login", this::login);
    routes.get("/app", this::app);
    routes.get("/app/<rest>", this::app);
    routes.get("/assets/{name}", this::asset);
    routes.post("/api/v1/session", this::logIn);
    routes.get("/api/v1/session", this::session);
    routes.delete("/api/v1/session", this::logOut);
  }

  private void login(Context ctx) {
    html(ctx, loginPage);
  }

  private void app(Context ctx) {
    if (!APP_PATH.matcher(ctx.path()).matches()) {
      ErrorMapping.send(ctx, 404, "No dashboard page " + ctx.path(), "not-found", Map.of("path", "no such page"));
      return;
    }
    if (!auth.hasSession(ctx)) {
      String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
      ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      return;
    }
    html(ctx, shell);
  }

  private void asset(Context ctx) {
    String name = ctx.pathParam("name");
    byte[] body = assets.get(name);
    if (body == null) {
      body =
          ASSET_NAME.matcher(name).matches()
              ? assets.computeIfAbsent(name, n -> optionalBytes(APP_RESOURCES + n))
              : new byte[0];
    }
    if (body.length == 0) {
      ErrorMapping.send(ctx, 404, "No asset " + name, "not-found", Map.of("path", "no asset " + name));
      return;
    }
    String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "application/javascript; charset=utf-8";
    ctx.contentType(type).header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").result(body);
  }

  private void logIn(Context ctx) {
    JsonBody body = JsonBody.of(ctx).onlyFields(Set.of("token"));
    String token = body.string("token");
    if (token == null || token.isBlank()) {
      throw new InvalidInputException("token", "is required: the admin token printed when the server started");
    }
    if (!auth.checkToken(ctx, token)) {
      throw new UnauthorizedException("token", "Wrong admin token");
    }
    String id = auth.sessions().open();
    ctx.header("Set-Cookie", cookie(ctx, id, DashboardSessions.LIFETIME.toSeconds()));
    ctx.json(Map.of("authenticated", true, "expiresInSeconds", DashboardSessions.LIFETIME.toSeconds()));
  }

  private void session(Context ctx) {
    if (!auth.hasSession(ctx)) {
      throw new UnauthorizedException(DashboardSessions.COOKIE, "Not logged in");
    }
    ctx.json(Map.of("authenticated", true));
  }

  /* A write by cookie like any other: without the header, another site could log a user out. */
  private void logOut(Context ctx) {
    if (ctx.header(AdminAuth.DASHBOARD_HEADER) == null) {
      throw new UnauthorizedException(
          AdminAuth.DASHBOARD_HEADER, "Logging out must carry the " + AdminAuth.DASHBOARD_HEADER + " header");
    }
    auth.sessions().close(ctx.cookie(DashboardSessions.COOKIE));
    ctx.header("Set-Cookie", cookie(ctx, "", 0)).status(204);
  }

  private String cookie(Context ctx, String value, long maxAgeSeconds) {
    String secure = servedOverHttps(ctx) ? "; Secure" : "";
    return DashboardSessions.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + secure;
  }

  /**
   * Whether the browser reaches the dashboard over HTTPS: the request's own scheme, a TLS proxy's
   * {@code X-Forwarded-Proto}, or an https public URL. A wrong yes only keeps the cookie off plain
   * HTTP, so the forwarded header may be taken at its word here.
   */
  private boolean servedOverHttps(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))
        || (publicUrl != null && publicUrl.regionMatches(true, 0, "https://", 0, 8));
  }

  private static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .header("Cache-Control", "no-store")
        .result(page);
  }

  private static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  private static byte[] optionalBytes(String resource) {
    try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
