package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI 3 description of the API at {@code /api/v1/openapi.json}. The document is
 * written by hand; {@code OpenApiIT} fails when a route is added without documenting it (or a
 * documented route disappears).
 */
public final class ApiDocs {
  static final String PATH = "/api/v1/openapi.json";
  private final byte[] document;

  public ApiDocs() {
    try (InputStream in = ApiDocs.class.getResourceAsStream("/io/productopsdash/server/web/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("Missing resource openapi.json");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> ctx.contentType("application/json; charset=utf-8").result(document));
  }
}
