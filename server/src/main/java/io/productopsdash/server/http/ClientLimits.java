package io.productopsdash.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler every request meets: it marks every response {@code nosniff}, and caps the
 * requests one client address may have in flight on the public routes (the widget's and every
 * event sender's), answering 429 with {@code Retry-After} beyond the cap. It sits in front of
 * Javalin and of the body reading, so a client trickling many bodies is refused before any of
 * them is read; it goes by path, so ingestion routes added later are covered without a change.
 *
 * <p>The public routes are all but the admin API and the dashboard (which need the admin token or
 * its session and are throttled on failed logins instead, see {@link AuthFailures}). The address is
 * the TCP peer's: behind a reverse proxy that is the proxy's, so the cap then applies to all
 * clients together.
 */
final class ClientLimits extends Handler.Wrapper {
  /** Widget endpoints under the admin API's prefix. */
  private static final Pattern WIDGET = Pattern.compile("/api/v1/surveys/[^/]+/(eligibility|impressions|dismissals|answers)/?");

  private final int maxInFlight;
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

  ClientLimits(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  /** Whether {@code path} is a public route: one a browser or an SDK calls without the admin token. */
  static boolean isPublic(String path) {
    if (path == null) {
      return true;
    }
    if (path.startsWith("/api/v1/")) {
      return WIDGET.matcher(path).matches();
    }
    return !(path.equals("/") || path.equals("/login") || path.equals("/app") || path.startsWith("/app/")
        || path.startsWith("/assets/"));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    response.getHeaders().put(HttpHardening.NOSNIFF, "nosniff");
    if (!isPublic(request.getHttpURI().getPath())) {
      return super.handle(request, response, callback);
    }
    String address = Request.getRemoteAddr(request);
    Slot slot = new Slot(address);
    if (inFlight.merge(address, 1, Integer::sum) > maxInFlight) {
      slot.release();
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      JettyErrors.write(
          response, callback, 429, "Too many requests at once from your address", "too-many-requests",
          Map.of("address", "more than " + maxInFlight + " requests in flight from " + address),
          SlowBodyGuard.expectsContent(request));
      return true;
    }
    Callback releasing =
        new Callback.Nested(callback) {
          @Override
          public void completed() {
            slot.release();
          }
        };
    boolean handled = false;
    try {
      handled = super.handle(request, response, releasing);
      return handled;
    } finally {
      if (!handled) {
        slot.release();
      }
    }
  }

  /** One request's place in its address's count, given back exactly once. */
  private final class Slot {
    private final String address;
    private final AtomicBoolean released = new AtomicBoolean();

    Slot(String address) {
      this.address = address;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        inFlight.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
      }
    }
  }

  /** Requests now in flight from {@code address} on public routes (for tests). */
  int inFlight(String address) {
    return inFlight.getOrDefault(address, 0);
  }
}
