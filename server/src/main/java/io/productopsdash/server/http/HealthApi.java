package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.Database;
import io.productopsdash.data.StorageHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health for container runtimes and load balancers, without a token. {@code GET /healthz}
 * (liveness) answers 200 while the process serves, with the storage state; {@code GET /readyz}
 * (readiness) answers 503 with {@code Retry-After} while writes are refused for a full disk, so
 * that traffic that writes goes elsewhere, and 200 otherwise. Reads keep being served either way.
 *
 * <p>The storage state is what the last write found. While it is "full", a readiness check makes
 * a small write itself (at most once a second), so readiness comes back once space is freed even
 * when no traffic arrives to find out.
 */
public final class HealthApi {
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

  private final Database db;
  private final Clock clock;
  /* System.nanoTime() of the last probe: a real pace, whatever the clock of the data says. */
  private long lastProbeNanos = System.nanoTime() - PROBE_INTERVAL.toNanos();

  public HealthApi(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.get("/healthz", this::health);
    routes.get("/readyz", this::ready);
  }

  private void health(Context ctx) {
    ctx.header("Cache-Control", "no-store").json(Map.of("status", "ok", "storage", storage(db.storage().status())));
  }

  private void ready(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (db.storage().state() == StorageHealth.State.FULL) {
      probe();
    }
    StorageHealth.Status status = db.storage().status();
    if (status.state() == StorageHealth.State.FULL) {
      ctx.header("Retry-After", Integer.toString(ErrorMapping.STORAGE_RETRY_AFTER_SECONDS));
      ErrorMapping.send(ctx, 503, ErrorMapping.STORAGE_FULL_TITLE, "storage-full", Map.of("reason", "disk full"));
      return;
    }
    ctx.json(Map.of("status", "ready", "storage", storage(status)));
  }

  /** One small write: it succeeds (and the state turns ok) once the disk has room again. */
  private void probe() {
    synchronized (this) {
      long nanos = System.nanoTime();
      if (nanos - lastProbeNanos < PROBE_INTERVAL.toNanos()) {
        return;
      }
      lastProbeNanos = nanos;
    }
    db.probeWrite(clock.instant());
  }

  private static Map<String, Object> storage(StorageHealth.Status status) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
    out.put("since", status.since());
    out.put("freeBytes", status.usableBytes());
    return out;
  }
}
