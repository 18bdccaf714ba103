package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.productopsdash.data.StorageFullException;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps typed exceptions to {@link ApiError} bodies, once for the whole app. Unexpected exceptions
 * become a 500 without a stack trace (that goes to the log only).
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  /** Title of the 503 for a write refused on a full disk (also the readiness probe's). */
  static final String STORAGE_FULL_TITLE = "The disk is full: nothing was stored, try again later";
  /** Seconds a client is told to wait after a write refused on a full disk. */
  static final int STORAGE_RETRY_AFTER_SECONDS = 30;

  private ErrorMapping() {}

  public static void register(RoutesConfig routes) {
    routes.exception(
        InvalidInputException.class,
        (e, ctx) -> send(ctx, 400, "Invalid input", "invalid-input", e.problems()));
    routes.exception(
        NotFoundException.class,
        (e, ctx) -> send(ctx, 404, e.getMessage(), "not-found", Map.of(e.field(), e.getMessage())));
    routes.exception(
        ConflictException.class,
        (e, ctx) -> send(ctx, 409, e.getMessage(), "conflict", Map.of(e.field(), e.getMessage())));
    routes.exception(
        UnauthorizedException.class,
        (e, ctx) -> {
          ctx.header("WWW-Authenticate", "Bearer");
          send(ctx, 401, e.getMessage(), "unauthorized", Map.of(e.field(), e.getMessage()));
        });
    routes.exception(
        TooManyRequestsException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
          send(ctx, 429, e.getMessage(), "too-many-requests", Map.of(e.field(), e.getMessage()));
        });
    routes.exception(
        StorageFullException.class,
        (e, ctx) -> {
          // The write was refused whole (nothing stored); the same request may be retried later.
          // The writer logs the full disk once; a line per refused request would flood the log.
          ctx.header("Retry-After", Long.toString(STORAGE_RETRY_AFTER_SECONDS));
          send(ctx, 503, STORAGE_FULL_TITLE, "storage-full", Map.of("reason", "disk full"));
        });
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> send(ctx, e.getStatus(), title(e), slug(e.getStatus()), details(e)));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
          send(ctx, 500, "Internal server error", "internal", Map.of());
        });
    routes.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            send(
                ctx, 404, "No such endpoint: " + ctx.method() + " " + ctx.path(), "not-found",
                Map.of("path", "no endpoint " + ctx.path() + " (see /api/v1/openapi.json)"));
          }
        });
    routes.error(
        405,
        ctx -> send(
            ctx, 405, "Method " + ctx.method() + " is not allowed on " + ctx.path(), "method-not-allowed",
            Map.of("method", ctx.method() + " is not allowed on " + ctx.path())));
  }

  private static String title(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 413 -> "Request body too large (the limit is " + ServerLimits.MAX_BODY_BYTES / 1024 + " KB)";
      default -> e.getMessage();
    };
  }

  /**
   * What a framework-raised error was about: the body for a 413, else the message under the name
   * {@code request} (the framework says no more than that).
   */
  private static Map<String, String> details(HttpResponseException e) {
    if (e.getStatus() == 413) {
      return Map.of("body", "is over " + ServerLimits.MAX_BODY_BYTES + " bytes");
    }
    return Map.of("request", e.getMessage());
  }

  /** The problem type's last part for an HTTP status raised by the framework or by Jetty. */
  static String slug(int status) {
    return switch (status) {
      case 400 -> "invalid-input";
      case 404 -> "not-found";
      case 413 -> "body-too-large";
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      default -> "http-" + status;
    };
  }

  /** Writes an error body with its status. */
  public static void send(Context ctx, int status, String title, String slug, Map<String, String> details) {
    ctx.status(status).json(new ApiError(title, status, ApiError.TYPE_BASE + slug, details));
  }
}
