package io.productopsdash.server.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code --theme-interval}: {@code 0} (off), a short form of hours, minutes and seconds such
 * as {@code 1h}, {@code 30m} or {@code 2h30m}, or an ISO-8601 duration such as {@code PT1H}. The
 * scheduler looks once a minute, so a positive interval is at least a minute.
 */
final class ThemeIntervals {
  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private ThemeIntervals() {}

  /** The interval, or an {@link IllegalArgumentException} saying what is accepted. */
  static Duration parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Duration d = null;
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT.matcher(t);
    if (!t.isEmpty() && m.matches()) {
      try {
        d = Duration.ofHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3));
      } catch (ArithmeticException | NumberFormatException e) {
        d = null;
      }
    } else if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(
          "must be 0 (off) or a positive duration such as 1h, 30m, 2h30m or PT1H, got '" + text + "'");
    }
    if (!d.isZero() && d.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("must be 0 (off) or at least 1m (the scheduler looks once a minute), got '" + text + "'");
    }
    return d;
  }

  private static long group(Matcher m, int i) {
    return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
  }
}
