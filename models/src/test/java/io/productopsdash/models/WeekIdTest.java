package io.productopsdash.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WeekIdTest {
  @Test
  void isoWeeksAtYearBoundaries() {
    // 2026-01-01 is a Thursday: it lies in 2026-W01, whose Monday is 2025-12-29.
    assertThat(WeekId.of(LocalDate.of(2026, 1, 1))).hasToString("2026-W01");
    assertThat(WeekId.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
    // 2027-01-01 is a Friday: it still belongs to 2026-W53 (2026 has 53 ISO weeks).
    assertThat(WeekId.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
    assertThat(WeekId.parse("2026-W53").plusWeeks(1)).hasToString("2027-W01");
  }

  @Test
  void weeksAreComputedInTheConfiguredZone() {
    // Sunday 23:30 UTC is already Monday in Berlin: a new ISO week there.
    Instant sundayNight = Instant.parse("2026-03-08T23:30:00Z");
    assertThat(WeekId.of(sundayNight, ZoneId.of("UTC"))).hasToString("2026-W10");
    assertThat(WeekId.of(sundayNight, ZoneId.of("Europe/Berlin"))).hasToString("2026-W11");
    assertThat(WeekId.parse("2026-W11").start(ZoneId.of("Europe/Berlin"))).isEqualTo(Instant.parse("2026-03-08T23:00:00Z"));
  }

  @Test
  void malformedWeeksNameTheField() {
    assertThatThrownBy(() -> WeekId.parse("2026-47", "from"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from")
        .hasMessageContaining("2026-W07");
    assertThatThrownBy(() -> WeekId.parse("2025-W53", "to")).hasMessageContaining("1..52");
    assertThat(WeekId.parse("2026-W02").weeksUntil(WeekId.parse("2026-W10"))).isEqualTo(8);
    assertThat(WeekId.parse("2026-W02")).isLessThan(WeekId.parse("2026-W10"));
  }

  @Test
  void aControlCharacterIsMalformedEvenAtTheEnd() {
    assertThatThrownBy(() -> WeekId.parse("2026-W10\u0000", "from"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from")
        .hasMessageContaining("\\u0000");
    assertThat(WeekId.parse(" 2026-W10 ", "from")).hasToString("2026-W10");
  }

  @Test
  void aWeekThatHasNotBegunIsRefusedWhereSomethingIsComputedForIt() {
    WeekId current = WeekId.parse("2026-W47");
    assertThat(WeekId.parseNotAfter("2026-W47", "week", current)).isEqualTo(current);
    assertThatThrownBy(() -> WeekId.parseNotAfter("2026-W48", "week", current))
        .hasMessageContaining("must not be after the current week 2026-W47");
    assertThatThrownBy(() -> WeekId.parseNotAfter("9999-W01", "week", current)).hasMessageContaining("9999-W01");
  }
}
