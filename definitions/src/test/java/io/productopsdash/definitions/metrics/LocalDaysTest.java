package io.productopsdash.definitions.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Local days and ISO weeks from epoch milliseconds agree with java.time, across DST changes. */
class LocalDaysTest {
  @Test
  void agreesWithJavaTimeAroundDaylightSavingChanges() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    long from = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    LocalDays days = LocalDays.of(berlin, from, to);
    for (long t = from; t <= to; t += 17 * 60_000L + 13_000) {
      LocalDate expected = Instant.ofEpochMilli(t).atZone(berlin).toLocalDate();
      assertThat(days.epochDay(t)).as("day of %s", Instant.ofEpochMilli(t)).isEqualTo(expected.toEpochDay());
      assertThat(LocalDays.week(days.weekIndex(t))).isEqualTo(WeekId.of(expected));
    }
  }

  @Test
  void weekIndicesRoundTrip() {
    WeekId w = WeekId.parse("2026-W01");
    assertThat(LocalDays.week(LocalDays.weekIndex(w))).isEqualTo(w);
    assertThat(LocalDate.ofEpochDay(LocalDays.mondayOf(LocalDays.weekIndex(w)))).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(LocalDays.weekIndex(w.plusWeeks(1)) - LocalDays.weekIndex(w)).isEqualTo(1);
  }
}
