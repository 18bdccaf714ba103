package io.productopsdash.definitions.metrics;

import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar days and ISO weeks of epoch-millisecond instants in a zone, without a date object per
 * event: the zone's offset transitions between two instants are listed once and looked up by
 * binary search. Days are epoch days of the local date; week indices count Monday-started weeks
 * from the one holding 1970-01-01 (index 0 starts Monday 1969-12-29).
 */
public final class LocalDays {
  private static final long DAY = 86_400_000L;
  private final long[] transitions;
  /** {@code offsets[i]} holds before {@code transitions[i]} and from {@code transitions[i-1]}. */
  private final long[] offsets;

  private LocalDays(long[] transitions, long[] offsets) {
    this.transitions = transitions;
    this.offsets = offsets;
  }

  /** Exact for instants from {@code minTs} to {@code maxTs}. */
  public static LocalDays of(ZoneId zone, long minTs, long maxTs) {
    ZoneRules rules = zone.getRules();
    Instant from = Instant.ofEpochMilli(minTs);
    List<Long> at = new ArrayList<>();
    List<Long> off = new ArrayList<>();
    off.add(rules.getOffset(from).getTotalSeconds() * 1000L);
    if (!rules.isFixedOffset()) {
      ZoneOffsetTransition t = rules.nextTransition(from);
      while (t != null && t.getInstant().toEpochMilli() <= maxTs) {
        at.add(t.getInstant().toEpochMilli());
        off.add(t.getOffsetAfter().getTotalSeconds() * 1000L);
        t = rules.nextTransition(t.getInstant());
      }
    }
    return new LocalDays(at.stream().mapToLong(Long::longValue).toArray(), off.stream().mapToLong(Long::longValue).toArray());
  }

  /** The epoch day of the local date of {@code ts}. */
  public long epochDay(long ts) {
    int i = 0;
    if (transitions.length > 0) {
      int lo = 0;
      int hi = transitions.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (transitions[mid] <= ts) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      i = lo;
    }
    return Math.floorDiv(ts + offsets[i], DAY);
  }

  /** The ISO week index of the local date of {@code ts}. */
  public long weekIndex(long ts) {
    return weekOfDay(epochDay(ts));
  }

  public static long weekOfDay(long epochDay) {
    return Math.floorDiv(epochDay + 3, 7);
  }

  public static long weekIndex(WeekId week) {
    return weekOfDay(week.monday().toEpochDay());
  }

  public static long mondayOf(long weekIndex) {
    return weekIndex * 7 - 3;
  }

  public static WeekId week(long weekIndex) {
    return WeekId.of(LocalDate.ofEpochDay(mondayOf(weekIndex)));
  }
}
