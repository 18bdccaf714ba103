package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document lists exactly the API routes the app registers. */
class OpenApiIT {
  private static final Set<HandlerType> VERBS =
      Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  @TempDir Path dir;

  @Test
  void everyApiRouteIsDocumentedAndNothingElse() throws Exception {
    try (Workspace workspace = Workspace.open(new ServerConfig(0, dir, "openapi-test-admin-token-8d2c", ZoneOffset.UTC, List.of()), Clock.systemUTC())) {
      Javalin app = ServerApp.create(workspace.deps()).start("localhost", 0);
      try {
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject doc = JsonParser.parseString(r.body()).getAsJsonObject();
        assertThat(doc.get("openapi").getAsString()).startsWith("3.");

        Set<String> documented = new TreeSet<>();
        for (var path : doc.getAsJsonObject("paths").entrySet()) {
          for (String key : path.getValue().getAsJsonObject().keySet()) {
            if (!key.equals("parameters")) {
              documented.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
              assertThat(path.getValue().getAsJsonObject().getAsJsonObject(key).getAsJsonObject("responses"))
                  .as("%s %s has responses", key, path.getKey())
                  .isNotNull();
            }
          }
        }
        Set<String> registered = new TreeSet<>();
        for (var parsed : app.unsafe.internalRouter.allHttpHandlers()) {
          var endpoint = parsed.endpoint;
          if (VERBS.contains(endpoint.method) && isApi(endpoint.path)) {
            registered.add(endpoint.method.name() + " " + endpoint.path);
          }
        }
        assertThat(registered).isNotEmpty();
        assertThat(documented).containsExactlyElementsOf(registered);
      } finally {
        app.stop();
      }
    }
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api/") || path.startsWith("/v1/") || path.equals("/batch") || path.equals("/capture")
        || path.startsWith("/i/") || path.startsWith("/2/") || path.equals("/e") || path.equals("/flags")
        || path.equals("/decide") || path.startsWith("/array/") || path.equals("/healthz") || path.equals("/readyz");
  }
}
