package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code /widget.js}, the dependency-free survey widget, and {@code /widget-demo}, a page
 * that embeds it the way a customer's web app would (one script tag and one init call).
 */
public final class WidgetScript {
  private final byte[] script = resource("web/widget.js");
  private final String demoPage = new String(resource("web/widget-demo.html"), StandardCharsets.UTF_8);

  public void register(RoutesConfig routes) {
    routes.get("/widget.js", this::script);
    routes.get("/widget-demo", this::demo);
  }

  private void script(Context ctx) {
    ctx.contentType("application/javascript; charset=utf-8")
        .header("Cache-Control", "public, max-age=300")
        .header("Access-Control-Allow-Origin", "*")
        .result(script);
  }

  private void demo(Context ctx) {
    // The page reads surveyId/userId from its own URL in script; nothing user-given is echoed here.
    ctx.contentType("text/html; charset=utf-8").result(demoPage);
  }

  private static byte[] resource(String name) {
    try (InputStream in = WidgetScript.class.getResourceAsStream("/io/productopsdash/server/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
