package io.productopsdash.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wrong admin tokens per client address. After {@link #MAX_FAILURES} wrong tokens within {@link
 * #WINDOW} from one address, every further token from it is refused with 429 until the window
 * ends, without being checked (else the one right guess would still stand out), and a warning is
 * logged once per window, naming the address and never the token. Only a token that was sent and
 * is wrong counts: a missing token or an expired session cookie (a dashboard left open over a
 * restart) does not, so a user is never locked out for that.
 *
 * <p>Ten guesses a minute against a token of at least 24 characters ({@link
 * io.productopsdash.server.ServerConfig#MIN_ADMIN_TOKEN_LENGTH}) leaves guessing hopeless.
 */
final class AuthFailures {
  private static final Logger LOG = LoggerFactory.getLogger(AuthFailures.class);
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(1);
  /** Above this many tracked addresses, ended windows are dropped. */
  private static final int PURGE_ABOVE = 10_000;

  private record Window(Instant start, int failures) {}

  private final Clock clock;
  private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

  AuthFailures(Clock clock) {
    this.clock = clock;
  }

  /** Throws {@link TooManyRequestsException} while {@code address} is over its failures. */
  void checkAllowed(String address) {
    Instant now = clock.instant();
    Window w = byAddress.get(address);
    if (w != null && w.failures() >= MAX_FAILURES && now.isBefore(w.start().plus(WINDOW))) {
      long seconds = Math.max(1, (Duration.between(now, w.start().plus(WINDOW)).toMillis() + 999) / 1000);
      throw new TooManyRequestsException(
          "Authorization",
          "Too many wrong admin tokens from your address: try again in " + seconds + " s",
          Duration.ofSeconds(seconds));
    }
  }

  /** Counts a wrong token from {@code address}. */
  void failed(String address) {
    Instant now = clock.instant();
    if (byAddress.size() > PURGE_ABOVE) {
      byAddress.values().removeIf(w -> !now.isBefore(w.start().plus(WINDOW)));
    }
    Window counted =
        byAddress.compute(
            address,
            (a, w) -> w == null || !now.isBefore(w.start().plus(WINDOW)) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    if (counted.failures() == MAX_FAILURES) {
      LOG.warn(
          "{} wrong admin tokens from {} within {} s: tokens from this address are refused with 429 until {}",
          MAX_FAILURES, address, WINDOW.toSeconds(), counted.start().plus(WINDOW));
    }
  }
}
