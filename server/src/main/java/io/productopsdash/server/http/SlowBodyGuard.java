package io.productopsdash.server.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads request bodies before a worker thread is spent on them, and cuts the ones that arrive too
 * slowly. Javalin reads a body with blocking I/O, so a client that sends its headers and then one
 * byte a second used to hold a thread for the whole body: 250 of them held every thread. Here the
 * body (up to {@link TrafficLimits#eagerBodyBytes()}) is read with Jetty's asynchronous reads,
 * which hold no thread between bytes, as Jetty's {@code EagerContentHandler} does; only a complete
 * body goes to the app. Bigger bodies (event batches of megabytes) go on once that much arrived
 * and are read by the handler as before.
 *
 * <p>A body must keep {@link TrafficLimits#minBodyBytesPerSecond()} after {@link
 * TrafficLimits#bodyGrace()}: checked at every chunk, and by a timer for a body that stops
 * arriving. A body that falls behind gets a 408 in the API's JSON shape with {@code Connection:
 * close}; past the eager part, the handler's read fails instead (its usual 400 for an unreadable
 * body).
 */
final class SlowBodyGuard extends Handler.Wrapper {
  private final TrafficLimits limits;

  SlowBodyGuard(TrafficLimits limits) {
    this.limits = limits;
  }

  /** Whether the request announces a body (a positive length, or chunked transfer encoding). */
  static boolean expectsContent(Request request) {
    long length;
    try {
      length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    } catch (NumberFormatException e) {
      return true;
    }
    if (length > 0) {
      return true;
    }
    String encoding = request.getHeaders().get(HttpHeader.TRANSFER_ENCODING);
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (getHandler() == null) {
      return false;
    }
    if (!expectsContent(request)) {
      return super.handle(request, response, callback);
    }
    new EagerBody(request, response, callback).start();
    return true;
  }

  /** Whether {@code bytes} arriving in {@code elapsedNanos} is behind the minimum rate. */
  private boolean behind(long bytes, long elapsedNanos) {
    long allowed = limits.bodyGrace().toNanos() + bytes * 1_000_000_000L / limits.minBodyBytesPerSecond();
    return elapsedNanos > allowed;
  }

  private String rule() {
    return "arrived at under " + limits.minBodyBytesPerSecond() + " bytes a second after the first "
        + limits.bodyGrace().toSeconds() + " s";
  }

  /** One request's body, read ahead without a thread until complete (or big), then handed on. */
  private final class EagerBody implements Invocable.Task {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long started = System.nanoTime();
    private final Deque<Content.Chunk> chunks = new ArrayDeque<>();
    private long bytes;
    private boolean settled;
    private Scheduler.Task deadline;

    EagerBody(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    void start() {
      long announced = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
      long expected = announced > 0 ? Math.min(announced, limits.eagerBodyBytes()) : limits.eagerBodyBytes();
      long wait = limits.bodyGrace().toNanos() + expected * 1_000_000_000L / limits.minBodyBytesPerSecond();
      Scheduler.Task timer = request.getComponents().getScheduler().schedule(this::tooLate, wait, TimeUnit.NANOSECONDS);
      synchronized (this) {
        deadline = timer;
      }
      read(false);
    }

    /** Called by Jetty when more of the body may be read. */
    @Override
    public void run() {
      read(true);
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    private void read(boolean fromDemand) {
      while (true) {
        synchronized (this) {
          if (settled) {
            return;
          }
        }
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          if (chunk.isLast()) {
            // The connection failed or the client went away: nobody to answer.
            if (settle()) {
              callback.failed(chunk.getFailure());
            }
          } else {
            tooSlow(); // a transient failure: Jetty's idle timeout while waiting for bytes
          }
          return;
        }
        boolean complete;
        synchronized (this) {
          if (settled) {
            chunk.release();
            return;
          }
          chunks.add(chunk);
          bytes += chunk.remaining();
          complete = chunk.isLast() || bytes >= limits.eagerBodyBytes();
        }
        if (behind(bytes, System.nanoTime() - started)) {
          tooSlow();
          return;
        }
        if (complete) {
          if (settle()) {
            if (fromDemand) {
              // Demand callbacks must not block; the app may.
              request.getContext().execute(this::handOn);
            } else {
              handOn();
            }
          }
          return;
        }
      }
    }

    /** Marks this body done (handed on or refused); false when it already was. */
    private synchronized boolean settle() {
      if (settled) {
        return false;
      }
      settled = true;
      if (deadline != null) {
        deadline.cancel();
      }
      return true;
    }

    private void tooLate() {
      tooSlow();
    }

    private void tooSlow() {
      if (!settle()) {
        return;
      }
      synchronized (this) {
        chunks.forEach(Content.Chunk::release);
        chunks.clear();
      }
      JettyErrors.write(
          response, callback, 408, "Request body too slow", "body-too-slow", Map.of("body", rule()), true);
    }

    private void handOn() {
      Rewound rewound = new Rewound(request, callback, chunks, started, bytes);
      try {
        if (!getHandler().handle(rewound, response, rewound)) {
          Response.writeError(request, response, rewound, 404);
        }
      } catch (Throwable t) {
        Response.writeError(request, response, rewound, t);
      }
    }
  }

  /**
   * The request as the app sees it: the chunks read ahead first, then the rest of the body (if
   * any) with the same minimum rate; completing it releases the chunks.
   */
  private final class Rewound extends Request.Wrapper implements Callback {
    private final Callback callback;
    private final Deque<Content.Chunk> chunks;
    private final long started;
    private long bytes;

    Rewound(Request wrapped, Callback callback, Deque<Content.Chunk> chunks, long started, long bytes) {
      super(wrapped);
      this.callback = callback;
      this.chunks = chunks;
      this.started = started;
      this.bytes = bytes;
    }

    @Override
    public Content.Chunk read() {
      synchronized (this) {
        if (!chunks.isEmpty()) {
          return chunks.removeFirst();
        }
      }
      Content.Chunk chunk = super.read();
      if (chunk != null && !Content.Chunk.isFailure(chunk)) {
        bytes += chunk.remaining();
        if (behind(bytes, System.nanoTime() - started)) {
          chunk.release();
          return Content.Chunk.from(new TimeoutException("the request body " + rule()), true);
        }
      }
      return chunk;
    }

    @Override
    public InvocationType getInvocationType() {
      return callback.getInvocationType();
    }

    private synchronized void release() {
      chunks.forEach(Content.Chunk::release);
      chunks.clear();
    }

    @Override
    public void succeeded() {
      release();
      callback.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
      release();
      callback.failed(failure);
    }
  }
}
