package io.productopsdash.engine.demo;

import io.productopsdash.models.WeekId;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/** The twelve weeks of the demo in its zone, as epoch milliseconds (daylight-saving aware). */
final class DemoCalendar {
  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  final ZoneId zone;
  final WeekId firstWeek;
  /** Start of each week and, last, the end of the data ({@link #asOf}). */
  private final long[] bounds;
  final long asOf;

  DemoCalendar(DemoSettings settings) {
    this.zone = settings.zone();
    this.firstWeek = settings.firstWeek();
    this.bounds = new long[DemoSettings.WEEKS + 1];
    for (int w = 0; w <= DemoSettings.WEEKS; w++) {
      bounds[w] = firstWeek.plusWeeks(w).start(zone).toEpochMilli();
    }
    this.asOf = bounds[DemoSettings.WEEKS];
  }

  long weekStart(int w) {
    return bounds[w];
  }

  WeekId week(int w) {
    return firstWeek.plusWeeks(w);
  }

  /** The week index of {@code ts}: -1 before the first week, {@value DemoSettings#WEEKS} from the end on. */
  int weekIndex(long ts) {
    int i = Arrays.binarySearch(bounds, ts);
    return i >= 0 ? i : -i - 2;
  }

  /** Local time {@code hour:minute:second} on day {@code day} (0 = Monday) of week {@code w}. */
  long at(int w, int day, int hour, int minute, int second) {
    return ZonedDateTime.of(firstWeek.monday().plusWeeks(w).plusDays(day), LocalTime.of(hour, minute, second), zone)
        .toInstant()
        .toEpochMilli();
  }
}
