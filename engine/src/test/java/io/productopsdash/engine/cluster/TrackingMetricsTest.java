package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TrackingMetrics} on a stream small enough to compute by hand. */
class TrackingMetricsTest {
  private static void add(List<TrackingMetrics.Answer> out, String label, String week, Long theme, int times) {
    for (int i = 0; i < times; i++) {
      out.add(new TrackingMetrics.Answer(label, week, theme));
    }
  }

  @Test
  void identityFalseNewGrowthNamesAndWeeklyScores() {
    List<TrackingMetrics.Answer> a = new ArrayList<>();
    // Label a: theme 1 in weeks 1 and 2, theme 3 in week 3 (2 of 3 weeks on its usual theme).
    add(a, "a", "W1", 1L, 4);
    add(a, "a", "W2", 1L, 4);
    add(a, "a", "W3", 3L, 4);
    // Label b: theme 2 every week; 4, 4, then 9 (at least twice its mean of 4): a growth.
    add(a, "b", "W1", 2L, 4);
    add(a, "b", "W2", 2L, 4);
    add(a, "b", "W3", 2L, 9);
    // Label c appears in week 3 only, in theme 4, with one answer unclustered.
    add(a, "c", "W3", 4L, 3);
    add(a, "c", "W3", null, 1);
    List<TrackingMetrics.ThemeWeek> t =
        List.of(
            new TrackingMetrics.ThemeWeek(1, "W1", "NEW", "Alpha"),
            new TrackingMetrics.ThemeWeek(2, "W1", "NEW", "Beta"),
            new TrackingMetrics.ThemeWeek(1, "W2", "STABLE", "Alpha"),
            new TrackingMetrics.ThemeWeek(2, "W2", "STABLE", "Beta two"),
            new TrackingMetrics.ThemeWeek(3, "W3", "NEW", "Gamma"),
            new TrackingMetrics.ThemeWeek(2, "W3", "GROWING", "Beta two"),
            new TrackingMetrics.ThemeWeek(4, "W3", "NEW", "Delta"));
    TrackingMetrics m = TrackingMetrics.of(a, t);
    // a: 2/3; b: 3/3; c is in one week only and does not count.
    assertThat(m.identityStability()).isCloseTo((2.0 / 3 + 1) / 2, within(1e-12));
    // NEW: 1, 2 (week 1, labels unseen), 3 (label a seen before: false), 4 (label c new).
    assertThat(m.newThemes()).isEqualTo(4);
    assertThat(m.falseNew()).isEqualTo(1);
    assertThat(m.falseNewRate()).isEqualTo(0.25);
    assertThat(m.growths()).isEqualTo(1);
    assertThat(m.growthsFlagged()).isEqualTo(1);
    // Theme 2 had two names, the others one: (1 + 2 + 1 + 1) / 4.
    assertThat(m.namesPerTheme()).isEqualTo(1.25);
    assertThat(m.weeks()).hasSize(3);
    assertThat(m.weeks().get(0).nmi()).isCloseTo(1.0, within(1e-12));
    assertThat(m.weeks().get(2).unclustered()).isEqualTo(1);
    assertThat(m.themeIds()).isEqualTo(4);
    assertThat(m.oneWeekThemes()).isEqualTo(2);
    assertThat(m.summaryLine())
        .isEqualTo(
            String.format(
                java.util.Locale.ROOT,
                "tracking: identity_stability=0.83 false_new=0.25 growth_flagged=1/1 names_per_theme=1.3 weekly_nmi=%.2f",
                m.weeklyNmi()));
  }
}
