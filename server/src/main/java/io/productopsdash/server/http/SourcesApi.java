package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.SourceRepository;
import io.productopsdash.data.events.SourceRepository.Source;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Admin endpoints for HTTP event sources: create one (its write key is in that reply only), list
 * them (never with keys), revoke one (its key is refused from then on).
 */
public final class SourcesApi {
  static final int MAX_NAME_LENGTH = 200;

  private final Database db;
  private final AdminAuth auth;
  private final WriteKeyAuth keys;
  private final Clock clock;
  private final SourceRepository sources = new SourceRepository();

  public SourcesApi(Database db, AdminAuth auth, WriteKeyAuth keys, Clock clock) {
    this.db = db;
    this.auth = auth;
    this.keys = keys;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/sources", this::create);
    routes.get("/api/v1/sources", this::list);
    routes.get("/api/v1/sources/{id}", this::get);
    routes.delete("/api/v1/sources/{id}", this::revoke);
  }

  /** A source as listed: no key. */
  record SourceView(long id, String name, Instant createdAt, Instant revokedAt, boolean active) {
    static SourceView of(Source s) {
      return new SourceView(s.id(), s.name(), s.createdAt(), s.revokedAt(), s.active());
    }
  }

  /** The reply to a create: the only time the write key is shown. */
  record CreatedSource(long id, String name, String writeKey, Instant createdAt, boolean active) {}

  private void create(Context ctx) {
    auth.require(ctx);
    JsonBody body = JsonBody.of(ctx).onlyFields(Set.of("name"));
    String name = body.string("name");
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    name = name.strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException("name", "must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
    }
    String key = keys.newKey();
    String hash = WriteKeyAuth.hash(key);
    String finalName = name;
    Source created = db.write(c -> sources.create(c, finalName, hash, clock.instant()));
    ctx.status(201)
        .header("Location", "/api/v1/sources/" + created.id())
        .header("Cache-Control", "no-store")
        .json(new CreatedSource(created.id(), created.name(), key, created.createdAt(), true));
  }

  private void list(Context ctx) {
    auth.require(ctx);
    ctx.json(Map.of("sources", db.read(sources::list).stream().map(SourceView::of).toList()));
  }

  private void get(Context ctx) {
    auth.require(ctx);
    long id = sourceId(ctx);
    ctx.json(SourceView.of(db.read(c -> sources.find(c, id)).orElseThrow(() -> notFound(id))));
  }

  private void revoke(Context ctx) {
    auth.require(ctx);
    long id = sourceId(ctx);
    Source revoked = db.write(c -> sources.revoke(c, id, clock.instant())).orElseThrow(() -> notFound(id));
    ctx.json(SourceView.of(revoked));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("id", "No source " + id);
  }

  private static long sourceId(Context ctx) {
    return Params.positiveId(ctx.pathParam("id"), "id", "source id");
  }
}
