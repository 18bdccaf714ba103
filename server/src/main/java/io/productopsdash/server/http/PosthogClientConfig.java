package io.productopsdash.server.http;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * What posthog-js asks of its host besides sending events, answered empty but valid so it logs no
 * errors and sends nothing else: its remote configuration ({@code GET /array/<key>/config}, and
 * the script form {@code config.js}) and its feature flags ({@code POST /flags/?v=2}, the older
 * {@code /decide/}). ProductOpsDash has no feature flags, surveys, session recording or
 * autocapture to switch on: the configuration says so ({@code hasFeatureFlags: false}, {@code
 * autocapture_opt_out}, recording and heatmaps off), and names gzip as the compression to use. The
 * key in the path is not checked (PostHog serves configuration by the public project key too, and
 * these replies hold nothing of a source); it is written into the script as a JSON string.
 */
final class PosthogClientConfig {
  private static final Gson GSON = new Gson();

  void register(RoutesConfig routes) {
    for (String path : IngestionPaths.POSTHOG_FLAGS) {
      routes.post(path, PosthogClientConfig::flags);
      routes.get(path, PosthogClientConfig::flags);
    }
    routes.get(IngestionPaths.POSTHOG_CONFIG, ctx -> ctx.json(config(ctx.pathParam("key"))));
    routes.get(IngestionPaths.POSTHOG_CONFIG_SCRIPT, PosthogClientConfig::configScript);
  }

  /** No flags, in both the v2 ({@code flags}) and the older ({@code featureFlags}) shape. */
  private static void flags(Context ctx) {
    ctx.json(Map.of(
        "flags", Map.of(),
        "featureFlags", Map.of(),
        "featureFlagPayloads", Map.of(),
        "errorsWhileComputingFlags", false));
  }

  /** The remote configuration posthog-js reads ({@code RemoteConfig}): everything beyond events off. */
  static JsonObject config(String key) {
    JsonObject config = new JsonObject();
    config.addProperty("token", key);
    JsonArray compression = new JsonArray();
    compression.add("gzip");
    compression.add("gzip-js");
    config.add("supportedCompression", compression);
    config.addProperty("hasFeatureFlags", false);
    config.addProperty("captureDeadClicks", false);
    config.addProperty("capturePerformance", false);
    config.addProperty("autocapture_opt_out", true);
    config.addProperty("autocaptureExceptions", false);
    config.addProperty("elementsChainAsString", true);
    config.addProperty("sessionRecording", false);
    config.addProperty("heatmaps", false);
    config.addProperty("surveys", false);
    config.addProperty("defaultIdentifiedOnly", true);
    config.add("siteApps", new JsonArray());
    return config;
  }

  /**
   * The script form, as PostHog serves it: it files the configuration under the key in {@code
   * window._POSTHOG_REMOTE_CONFIG}. The key goes in as a JSON string (Gson escapes quotes,
   * {@code <}, {@code >} and line separators), so no path can break out of the literal.
   */
  private static void configScript(Context ctx) {
    String key = ctx.pathParam("key");
    JsonObject entry = new JsonObject();
    entry.add("config", config(key));
    entry.add("siteApps", new JsonArray());
    String script =
        "(function() {\n"
            + "  window._POSTHOG_REMOTE_CONFIG = window._POSTHOG_REMOTE_CONFIG || {};\n"
            + "  window._POSTHOG_REMOTE_CONFIG[" + GSON.toJson(key) + "] = " + GSON.toJson(entry) + ";\n"
            + "})();\n";
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType("application/javascript; charset=utf-8").result(script);
  }
}
