package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.engine.theme.ThemeImpact.Driver;
import io.productopsdash.engine.theme.ThemeImpact.Scored;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ThemeImpact} against hand-computed weeks. The point figures are exact fractions worked out
 * by hand (below); the interval ends use Welch–Satterthwaite degrees of freedom and t quantiles
 * computed independently with {@code scipy.stats.t.ppf(0.975, df)}.
 */
class ThemeImpactTest {
  static final WeekId WEEK = WeekId.parse("2026-W47");
  static final Scale CSAT7 = new Scale(ScoreKind.CSAT, 7, null, null, 2);
  static final Scale NPS = new Scale(ScoreKind.NPS, 11, null, null, 2);

  /**
   * 24 answers: "slow swaps" (10: 1,2,2,3,3,3,4,4,5,5; sum 32, mean 3.2, sum of squares 118, variance
   * 1.7333), "great support" (10: 7,7,7,6,6,6,6,5,7,7; sum 64, mean 6.4), "one voice" (1: 2), and
   * three answers in no theme (5,5,6). Week: sum 114, mean 114/24 = 4.75.
   */
  static List<Scored> csatWeek() {
    List<Scored> out = new ArrayList<>();
    for (int s : new int[] {1, 2, 2, 3, 3, 3, 4, 4, 5, 5}) {
      out.add(new Scored(s, 1L));
    }
    for (int s : new int[] {7, 7, 7, 6, 6, 6, 6, 5, 7, 7}) {
      out.add(new Scored(s, 2L));
    }
    out.add(new Scored(2, 3L));
    for (int s : new int[] {5, 5, 6}) {
      out.add(new Scored(s, null));
    }
    return out;
  }

  static final Map<Long, String> NAMES = Map.of(1L, "slow swaps", 2L, "great support", 3L, "one voice");

  @Test
  void handComputedCsatWeek() {
    ThemeImpact.Week w = ThemeImpact.compute(WEEK, CSAT7, csatWeek(), NAMES);
    assertThat(w.measure()).isEqualTo("mean");
    assertThat(w.answers()).isEqualTo(24);
    assertThat(w.score()).isCloseTo(4.75, within(1e-12));

    // slow swaps: outside 82/14 = 5.857143; impact 4.75 - 82/14 = -31/28; share 10/24; rank -31/28 * 10/24.
    assertThat(w.negative()).extracting(Driver::name).containsExactly("slow swaps");
    Driver slow = w.negative().get(0);
    assertThat(slow.size()).isEqualTo(10);
    assertThat(slow.share()).isCloseTo(10.0 / 24, within(1e-12));
    assertThat(slow.themeScore()).isCloseTo(3.2, within(1e-12));
    assertThat(slow.outsideScore()).isCloseTo(82.0 / 14, within(1e-12));
    assertThat(slow.impact()).isCloseTo(-31.0 / 28, within(1e-12));
    // impact = share x (theme - outside): 10/24 x (3.2 - 82/14) is the same number.
    assertThat(slow.impact()).isCloseTo(10.0 / 24 * (3.2 - 82.0 / 14), within(1e-12));
    assertThat(slow.rank()).isCloseTo(-31.0 / 28 * 10 / 24, within(1e-12));
    // Welch df 19.8508; interval 10/24 x (-2.657143 -/+ t x 0.54898...).
    assertThat(slow.interval().low()).isCloseTo(-1.5863002400699167, within(1e-9));
    assertThat(slow.interval().high()).isCloseTo(-0.6279854742157973, within(1e-9));
    assertThat(slow.ranked()).isTrue();
    assertThat(slow.note()).isNull();

    // great support: outside 50/14; impact 4.75 - 50/14 = 33/28.
    assertThat(w.positive()).extracting(Driver::name).containsExactly("great support");
    Driver support = w.positive().get(0);
    assertThat(support.impact()).isCloseTo(33.0 / 28, within(1e-12));
    assertThat(support.rank()).isCloseTo(33.0 / 28 * 10 / 24, within(1e-12));
    assertThat(support.interval().low()).isCloseTo(0.7790355801437778, within(1e-9));
    assertThat(support.interval().high()).isCloseTo(1.5781072769990796, within(1e-9));

    // one voice: outside 112/23; impact 4.75 - 112/23 = -11/92; one answer has no spread: no interval.
    assertThat(w.tooFew()).extracting(Driver::name).containsExactly("one voice");
    Driver one = w.tooFew().get(0);
    assertThat(one.size()).isEqualTo(1);
    assertThat(one.impact()).isCloseTo(-11.0 / 92, within(1e-12));
    assertThat(one.interval()).isNull();
    assertThat(one.ranked()).isFalse();
    assertThat(one.note()).contains("too few answers");
  }

  @Test
  void aThemeHoldingEveryAnswerHasNoImpact() {
    List<Scored> all = List.of(new Scored(4, 7L), new Scored(5, 7L), new Scored(6, 7L));
    ThemeImpact.Week w = ThemeImpact.compute(WEEK, CSAT7, all, Map.of(7L, "everything"));
    assertThat(w.score()).isCloseTo(5.0, within(1e-12));
    assertThat(w.negative()).isEmpty();
    assertThat(w.positive()).isEmpty();
    Driver d = w.tooFew().get(0);
    assertThat(d.share()).isEqualTo(1.0);
    assertThat(d.themeScore()).isCloseTo(5.0, within(1e-12));
    assertThat(d.outsideScore()).isNull();
    assertThat(d.impact()).isNull();
    assertThat(d.interval()).isNull();
    assertThat(d.rank()).isNull();
    assertThat(d.note()).contains("holds every answer");
  }

  /**
   * NPS: theme (10: 0,3,5,6,6,7,8,9,2,10 = 6 detractors, 2 passives, 2 promoters: NPS -40), outside
   * (6: 9,10,10,8,7,4 = 3 promoters, 2 passives, 1 detractor: NPS 200/6 = 33.33). Week: 5 promoters,
   * 7 detractors of 16: NPS -12.5. Impact -12.5 - 33.33 = -45.83 NPS points = 10/16 x (-40 - 33.33).
   */
  @Test
  void npsSurveysUseNpsPoints() {
    List<Scored> answers = new ArrayList<>();
    for (int s : new int[] {0, 3, 5, 6, 6, 7, 8, 9, 2, 10}) {
      answers.add(new Scored(s, 5L));
    }
    for (int s : new int[] {9, 10, 10, 8, 7, 4}) {
      answers.add(new Scored(s, null));
    }
    ThemeImpact.Week w = ThemeImpact.compute(WEEK, NPS, answers, Map.of(5L, "fees"));
    assertThat(w.measure()).isEqualTo("nps");
    assertThat(w.score()).isCloseTo(-12.5, within(1e-12));
    Driver fees = w.negative().get(0);
    assertThat(fees.themeScore()).isCloseTo(-40.0, within(1e-12));
    assertThat(fees.outsideScore()).isCloseTo(100.0 / 3, within(1e-12));
    assertThat(fees.impact()).isCloseTo(-12.5 - 100.0 / 3, within(1e-12));
    assertThat(fees.interval().low()).isCloseTo(-104.58429629482043, within(1e-8));
    assertThat(fees.interval().high()).isCloseTo(12.917629628153753, within(1e-8));
  }

  @Test
  void aWeekWithoutAnswersHasNoDrivers() {
    ThemeImpact.Week w = ThemeImpact.compute(WEEK, CSAT7, List.of(), Map.of());
    assertThat(w.answers()).isZero();
    assertThat(w.score()).isNull();
    assertThat(w.all()).isEmpty();
  }

  @Test
  void driversAreSortedByImpactTimesShare() {
    // Theme 1: 10 answers of 1 (impact x share small per answer but large share); theme 2: 10 of 2
    // with 30 more outside: the theme with the lower scores ranks first among negative drivers.
    List<Scored> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(new Scored(i % 2 == 0 ? 1 : 2, 1L));
      answers.add(new Scored(i % 2 == 0 ? 3 : 4, 2L));
    }
    for (int i = 0; i < 30; i++) {
      answers.add(new Scored(i % 2 == 0 ? 6 : 7, null));
    }
    ThemeImpact.Week w = ThemeImpact.compute(WEEK, CSAT7, answers, Map.of(1L, "a", 2L, "b"));
    assertThat(w.negative()).extracting(Driver::themeId).containsExactly(1L, 2L);
    assertThat(w.negative().get(0).rank()).isLessThan(w.negative().get(1).rank());
  }
}
