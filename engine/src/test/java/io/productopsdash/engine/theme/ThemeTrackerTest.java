package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.definitions.score.ScoreStatistics;
import io.productopsdash.engine.theme.ThemeTracker.Cluster;
import io.productopsdash.engine.theme.ThemeTracker.PreviousTheme;
import io.productopsdash.engine.theme.ThemeTracker.Tracked;
import io.productopsdash.models.theme.ThemeTrend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeTrackerTest {
  /** Unit vector on axis {@code axis} of 8, tilted by {@code tilt} towards axis 7. */
  private static float[] axis(int axis, float tilt) {
    float[] v = new float[8];
    v[axis] = 1f;
    v[7] += tilt;
    return v;
  }

  /*
   * Week 1, 100 answers: 10 "login" 20, 20 "pricing" 50, 30 "export" 20, 40 "dark mode" 10.
   * Week 2, 100 answers: login 50 (grows), pricing 20 (shrinks), export 22 (stable),
   * a new "offline" 8; dark mode is gone.
   */
  private static final List<PreviousTheme> WEEK1 =
      List.of(
          new PreviousTheme(10, axis(0, 0f), 20, 100),
          new PreviousTheme(20, axis(1, 0f), 50, 100),
          new PreviousTheme(30, axis(2, 0f), 20, 100),
          new PreviousTheme(40, axis(3, 0f), 10, 100));
  private static final List<Cluster> WEEK2 =
      List.of(
          new Cluster(axis(1, 0.1f), 20, 100),
          new Cluster(axis(0, 0.1f), 50, 100),
          new Cluster(axis(4, 0f), 8, 100),
          new Cluster(axis(2, -0.1f), 22, 100));

  @Test
  void flagsNewGrowingShrinkingStableAndVanishedThemes() {
    ThemeTracker t = ThemeTracker.track(WEEK1, WEEK2);
    List<Tracked> c = t.clusters();
    assertThat(c).hasSize(4);
    double tilted = 1 / Math.sqrt(1.01);

    assertThat(c.get(0).themeId()).isEqualTo(20L);
    assertThat(c.get(0).trend()).isEqualTo(ThemeTrend.SHRINKING);
    assertThat(c.get(0).similarity()).isCloseTo(tilted, within(1e-6));
    assertThat(c.get(0).pValue()).isEqualTo(ScoreStatistics.twoProportionZPValue(50, 100, 20, 100));

    assertThat(c.get(1).themeId()).isEqualTo(10L);
    assertThat(c.get(1).trend()).isEqualTo(ThemeTrend.GROWING);
    // Pooled share 0.35, z = 0.30 / sqrt(0.35 * 0.65 * 0.02) = 4.447, two-sided p = 8.7e-6.
    assertThat(c.get(1).pValue()).isCloseTo(8.7e-6, within(0.1e-6));

    assertThat(c.get(2).themeId()).isNull();
    assertThat(c.get(2).matched()).isFalse();
    assertThat(c.get(2).trend()).isEqualTo(ThemeTrend.NEW);
    assertThat(c.get(2).pValue()).isNull();

    assertThat(c.get(3).themeId()).isEqualTo(30L);
    assertThat(c.get(3).trend()).isEqualTo(ThemeTrend.STABLE);
    // 20 vs 22 of 100: z = 0.02 / sqrt(0.21 * 0.79 * 0.02) = 0.347, p = 0.728.
    assertThat(c.get(3).pValue()).isCloseTo(0.728, within(0.001));

    assertThat(t.vanished()).containsExactly(40L);
  }

  @Test
  void aClusterBelowTheMinimumSimilarityIsNew() {
    // cos = 0.7 between (1, 0) and (0.7, 0.714).
    float[] near = {0.7f, (float) Math.sqrt(1 - 0.49)};
    ThemeTracker t =
        ThemeTracker.track(List.of(new PreviousTheme(1, new float[] {1f, 0f}, 5, 10)), List.of(new Cluster(near, 5, 10)));
    assertThat(t.clusters().get(0).trend()).isEqualTo(ThemeTrend.NEW);
    assertThat(t.vanished()).containsExactly(1L);
    ThemeTracker lenient =
        ThemeTracker.track(
            List.of(new PreviousTheme(1, new float[] {1f, 0f}, 5, 10)),
            List.of(new Cluster(near, 5, 10)),
            new ThemeTracker.Options(0.6, 0.05));
    assertThat(lenient.clusters().get(0).themeId()).isEqualTo(1L);
    assertThat(lenient.clusters().get(0).trend()).isEqualTo(ThemeTrend.STABLE);
    assertThat(lenient.vanished()).isEmpty();
  }

  @Test
  void aBelowThresholdPairNeverDisplacesARealMatch() {
    // Raw similarities would pair c0-t1 (0.9) with c1-t2 (0.3): total 1.2 beats c1-t1 (0.95).
    // Only pairs above the threshold count, so the best real match c1-t1 wins and c0 is new.
    float[] t1 = {1f, 0f, 0f};
    float[] t2 = {0f, 1f, 0f};
    float[] c0 = {0.9f, 0f, (float) Math.sqrt(1 - 0.81)};
    float[] c1 = {0.95f, 0.3f, (float) Math.sqrt(1 - 0.9025 - 0.09)};
    List<PreviousTheme> prev = List.of(new PreviousTheme(1, t1, 5, 10), new PreviousTheme(2, t2, 5, 10));
    ThemeTracker t = ThemeTracker.track(prev, List.of(new Cluster(c0, 5, 10), new Cluster(c1, 5, 10)));
    assertThat(t.clusters().get(0).trend()).isEqualTo(ThemeTrend.NEW);
    assertThat(t.clusters().get(1).themeId()).isEqualTo(1L);
    assertThat(t.vanished()).containsExactly(2L);
  }

  @Test
  void tiesGoToTheSmallestIdWhateverTheInputOrder() {
    float[] same = {0f, 1f};
    List<PreviousTheme> prev =
        new ArrayList<>(List.of(new PreviousTheme(7, same, 3, 10), new PreviousTheme(3, same, 3, 10)));
    List<Cluster> cur = List.of(new Cluster(same, 3, 10));
    assertThat(ThemeTracker.track(prev, cur).clusters().get(0).themeId()).isEqualTo(3L);
    Collections.reverse(prev);
    ThemeTracker again = ThemeTracker.track(prev, cur);
    assertThat(again.clusters().get(0).themeId()).isEqualTo(3L);
    assertThat(again.vanished()).containsExactly(7L);
  }

  @Test
  void isDeterministic() {
    List<PreviousTheme> shuffled = new ArrayList<>(WEEK1);
    Collections.reverse(shuffled);
    ThemeTracker a = ThemeTracker.track(WEEK1, WEEK2);
    ThemeTracker b = ThemeTracker.track(shuffled, WEEK2);
    assertThat(b.clusters()).isEqualTo(a.clusters());
    assertThat(b.vanished()).isEqualTo(a.vanished());
  }

  @Test
  void emptyWeeks() {
    assertThat(ThemeTracker.track(List.of(), WEEK2).clusters()).extracting(Tracked::trend).containsOnly(ThemeTrend.NEW);
    assertThat(ThemeTracker.track(WEEK1, List.of()).vanished()).containsExactly(10L, 20L, 30L, 40L);
  }

  /*
   * A re-run of week 2. Its earlier run stored theme 10 (continued from week 1, on axis 0) and theme
   * 50 (new in week 2, on axis 4). The re-run's clusters: axis 4 again, axis 0 tilted one way (50 of
   * 100: grown from week 1's 20), axis 0 tilted the other way, axis 1 (pricing, 20 of 100).
   */
  @Test
  void aReRunKeepsTheEarlierRunsIdsFirstAndNeverUsesAnIdTwice() {
    List<PreviousTheme> earlier =
        List.of(new PreviousTheme(10, axis(0, 0.1f), 40, 90), new PreviousTheme(50, axis(4, 0f), 5, 90));
    List<Cluster> rerun =
        List.of(
            new Cluster(axis(4, 0.1f), 8, 100),
            new Cluster(axis(0, 0.2f), 50, 100),
            new Cluster(axis(0, -0.2f), 7, 100),
            new Cluster(axis(1, 0.1f), 20, 100));
    ThemeTracker t = ThemeTracker.retrack(earlier, WEEK1, rerun, ThemeTracker.Options.defaults());
    List<Tracked> c = t.clusters();
    assertThat(c).extracting(Tracked::cluster).containsExactly(0, 1, 2, 3);

    // Theme 50 keeps its id; week 1 has no theme 50, so it is still new there: no p-value.
    assertThat(c.get(0).themeId()).isEqualTo(50L);
    assertThat(c.get(0).matched()).isTrue();
    assertThat(c.get(0).trend()).isEqualTo(ThemeTrend.NEW);
    assertThat(c.get(0).pValue()).isNull();
    assertThat(c.get(0).similarity()).isCloseTo(1 / Math.sqrt(1.01), within(1e-6));

    // Theme 10 keeps its id (cos 1.02 / sqrt(1.01 * 1.04) = 0.9952 beats the other tilt's 0.9562);
    // its trend is against week 1's theme 10: 20 of 100 -> 50 of 100.
    assertThat(c.get(1).themeId()).isEqualTo(10L);
    assertThat(c.get(1).similarity()).isCloseTo(1.02 / Math.sqrt(1.01 * 1.04), within(1e-6));
    assertThat(c.get(1).trend()).isEqualTo(ThemeTrend.GROWING);
    assertThat(c.get(1).pValue()).isEqualTo(ScoreStatistics.twoProportionZPValue(20, 100, 50, 100));

    // Week 1's theme 10 (cos 0.98) is already kept by cluster 1: the other tilt is a new theme.
    assertThat(c.get(2).themeId()).isNull();
    assertThat(c.get(2).trend()).isEqualTo(ThemeTrend.NEW);

    // Pricing was not in the earlier run's list: tracked from week 1 as usual.
    assertThat(c.get(3).themeId()).isEqualTo(20L);
    assertThat(c.get(3).trend()).isEqualTo(ThemeTrend.SHRINKING);
    assertThat(c.get(3).pValue()).isEqualTo(ScoreStatistics.twoProportionZPValue(50, 100, 20, 100));

    assertThat(t.vanished()).containsExactly(30L, 40L);

    // Without an earlier run, a re-run is plain tracking.
    ThemeTracker first = ThemeTracker.retrack(List.of(), WEEK1, WEEK2, ThemeTracker.Options.defaults());
    assertThat(first.clusters()).isEqualTo(ThemeTracker.track(WEEK1, WEEK2).clusters());
    assertThat(first.vanished()).containsExactly(40L);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new ThemeTracker.Options(0.75, 1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> new Cluster(new float[] {1f}, 5, 4)).hasMessageContaining("5 of 4");
    assertThatThrownBy(
            () -> ThemeTracker.track(List.of(new PreviousTheme(1, new float[] {1f}, 1, 1)), List.of(new Cluster(new float[] {1f, 0f}, 1, 1))))
        .hasMessageContaining("centroid length: 2");
  }
}
