package io.productopsdash.definitions.score;

import static io.productopsdash.definitions.score.ScoreStatisticsTest.assertInterval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreChange;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.WeekId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Summaries and week-over-week changes on hand-computed fixtures (arithmetic in the comments,
 * cross-checked with scipy 1.17; see {@link ScoreStatisticsTest}).
 */
class ScoreSummarizerTest {
  private static final double TOL = 1e-4;
  private static final Scale CSAT7 = new Scale(ScoreKind.CSAT, 7, "Very unhappy", "Very happy", 2);
  private static final Scale NPS = new Scale(ScoreKind.NPS, 11, "Not likely", "Very likely", 2);
  private static final WeekId WEEK = WeekId.parse("2026-W07");

  /** Mean 5.6, var 16.4/9; top 2 box (6-7) = 6 of 10; bottom box (1-2) = 0 of 10. */
  private static final int[] TEN = {5, 6, 7, 7, 4, 6, 7, 3, 6, 5};

  /** Mean 76/12, var (492 - 76^2/12)/11 = 0.969697; top box: three 6s + seven 7s = 10 of 12. */
  private static final int[] TWELVE = {6, 7, 7, 5, 7, 6, 7, 7, 6, 7, 4, 7};

  private static int[] repeat(int score, int times) {
    int[] scores = new int[times];
    Arrays.fill(scores, score);
    return scores;
  }

  @Test
  void sevenPointSummary() {
    ScoreSummary s = ScoreSummarizer.summarize(CSAT7, TEN);
    assertThat(s.n()).isEqualTo(10);
    // Scores 1..7 counted: 3 once, 4 once, 5 twice, 6 three times, 7 three times.
    assertThat(s.distribution()).containsExactly(0L, 0L, 1L, 1L, 2L, 3L, 3L);
    assertThat(s.mean()).isCloseTo(5.6, within(1e-12));
    // t interval worked in ScoreStatisticsTest.meanIntervalOfTenScores.
    assertInterval(s.meanCi(), 4.634342, 6.565658);
    assertThat(s.topBox()).isCloseTo(0.6, within(1e-12));
    assertInterval(s.topBoxCi(), 0.312674, 0.831820);
    assertThat(s.bottomBox()).isEqualTo(0.0);
    assertInterval(s.bottomBoxCi(), 0.0, 0.277533);
    assertThat(s.nps()).isNull();
    assertThat(s.npsCi()).isNull();
    assertThat(s.lowSample()).isTrue();
  }

  @Test
  void countsAndRawScoresGiveTheSameSummary() {
    assertThat(ScoreSummarizer.summarize(CSAT7, new long[] {0, 0, 1, 1, 2, 3, 3}))
        .isEqualTo(ScoreSummarizer.summarize(CSAT7, TEN));
  }

  @Test
  void npsSummary() {
    // 10,10,9,9,9 promoters (5); 8,7,7 passives (3); 6,3 detractors (2).
    int[] scores = {10, 10, 9, 9, 9, 8, 7, 7, 6, 3};
    ScoreSummary s = ScoreSummarizer.summarize(NPS, scores);
    assertThat(s.distribution()).containsExactly(0L, 0L, 0L, 1L, 0L, 0L, 1L, 2L, 1L, 3L, 2L);
    // mean = (20 + 27 + 8 + 14 + 6 + 3)/10 = 7.8; sum of squares 650,
    // var = (650 - 78^2/10)/9 = 41.6/9 = 4.622222, se = 0.679869, t9 = 2.262157
    // -> 7.8 -+ 1.537971 = [6.262029, 9.337971].
    assertThat(s.mean()).isCloseTo(7.8, within(1e-12));
    assertInterval(s.meanCi(), 6.262029, 9.337971);
    // NPS = 50% - 20% = 30, CI [-18.4075, 78.4075] (see ScoreStatisticsTest).
    assertThat(s.nps()).isCloseTo(30.0, within(1e-12));
    assertInterval(s.npsCi(), -18.4075, 78.4075);
    // Top box = promoters 5/10, Wilson: centre (0.5 + 0.192073)/1.384146 = 0.5,
    // half = 1.416009 * sqrt(0.025 + 0.009604) = 1.416009 * 0.186023 = 0.263407.
    assertThat(s.topBox()).isCloseTo(0.5, within(1e-12));
    assertInterval(s.topBoxCi(), 0.236593, 0.763407);
    // Bottom box = detractors 2/10.
    assertThat(s.bottomBox()).isCloseTo(0.2, within(1e-12));
    assertInterval(s.bottomBoxCi(), 0.056682, 0.509838);
  }

  @Test
  void npsOverAllElevenPoints() {
    // One answer on each of 0..10: promoters 9,10 (2), detractors 0..6 (7), passives 7,8 (2).
    long[] counts = new long[11];
    Arrays.fill(counts, 1);
    ScoreSummary s = ScoreSummarizer.summarize(NPS, counts);
    assertThat(s.n()).isEqualTo(11);
    assertThat(s.distribution()).hasSize(11).containsOnly(1L);
    // mean 5, sd sqrt(11), se 1 -> 5 -+ t(0.975,10) = 5 -+ 2.228139.
    assertThat(s.mean()).isCloseTo(5.0, within(1e-12));
    assertInterval(s.meanCi(), 2.771861, 7.228139);
    // NPS = 100 * (2 - 7)/11 = -45.4545; var = (9/11 - (5/11)^2)/11 = (99 - 25)/121/11
    //   = 74/1331 = 0.0555973; half = 1.959964 * 0.235791 * 100 = 46.2141
    //   -> [-91.6687, 0.7596].
    assertThat(s.nps()).isCloseTo(-45.4545, within(TOL));
    assertInterval(s.npsCi(), -91.6687, 0.7596);
    assertThat(s.topBox()).isCloseTo(2.0 / 11, within(1e-12));
    assertInterval(s.topBoxCi(), 0.051368, 0.476981);
    assertThat(s.bottomBox()).isCloseTo(7.0 / 11, within(1e-12));
    assertInterval(s.bottomBoxCi(), 0.353801, 0.848335);
  }

  @Test
  void noAnswers() {
    ScoreSummary s = ScoreSummarizer.summarize(NPS, new int[0]);
    assertThat(s.n()).isZero();
    assertThat(s.distribution()).hasSize(11).containsOnly(0L);
    assertThat(s.mean()).isNull();
    assertThat(s.meanCi()).isNull();
    assertThat(s.topBox()).isNull();
    assertThat(s.topBoxCi()).isNull();
    assertThat(s.bottomBox()).isNull();
    assertThat(s.bottomBoxCi()).isNull();
    assertThat(s.nps()).isNull();
    assertThat(s.npsCi()).isNull();
    assertThat(s.lowSample()).isTrue();
  }

  @Test
  void oneAnswer() {
    ScoreSummary s = ScoreSummarizer.summarize(CSAT7, new int[] {7});
    assertThat(s.n()).isEqualTo(1);
    assertThat(s.mean()).isEqualTo(7.0);
    assertThat(s.meanCi()).isNull();
    assertThat(s.topBox()).isEqualTo(1.0);
    // Wilson 1/1 worked in ScoreStatisticsTest: [0.206549, 1].
    assertInterval(s.topBoxCi(), 0.206549, 1.0);
    assertThat(s.bottomBox()).isEqualTo(0.0);
    // Wilson 0/1 = [0, 1 - 0.206549].
    assertInterval(s.bottomBoxCi(), 0.0, 0.793451);
  }

  @Test
  void identicalScores() {
    // Thirty 7s: mean 7, sd 0 -> CI [7, 7]; top box 30/30; n = 30 is not a low sample.
    ScoreSummary s = ScoreSummarizer.summarize(CSAT7, repeat(7, 30));
    assertThat(s.mean()).isEqualTo(7.0);
    assertInterval(s.meanCi(), 7.0, 7.0);
    assertThat(s.topBox()).isEqualTo(1.0);
    // Wilson 30/30: 1 - 2*(z^2/60)/(1 + z^2/30) = 1 - 0.128049/1.128049 = 0.886487.
    assertInterval(s.topBoxCi(), 0.886487, 1.0);
    assertThat(s.lowSample()).isFalse();
    assertThat(ScoreSummarizer.summarize(CSAT7, repeat(7, 29)).lowSample()).isTrue();
  }

  @Test
  void fivePointTopBox() {
    // 5 points, top-2 box = 4-5, bottom box = 1-2.
    Scale five = new Scale(ScoreKind.CSAT, 5, null, null, 2);
    ScoreSummary s = ScoreSummarizer.summarize(five, new int[] {1, 2, 3, 4, 5, 5});
    assertThat(s.distribution()).containsExactly(1L, 1L, 1L, 1L, 2L);
    assertThat(s.topBox()).isCloseTo(3.0 / 6, within(1e-12));
    assertThat(s.bottomBox()).isCloseTo(2.0 / 6, within(1e-12));
    // mean = 20/6 = 3.333333
    assertThat(s.mean()).isCloseTo(20.0 / 6, within(1e-12));
  }

  @Test
  void elevenPointCsatTopBox() {
    // CSAT on 1..11 (not NPS): top-2 box = 10-11, bottom box = 1-2; no NPS fields.
    Scale eleven = new Scale(ScoreKind.CSAT, 11, null, null, 2);
    int[] scores = {1, 2, 3, 9, 10, 11, 11};
    ScoreSummary s = ScoreSummarizer.summarize(eleven, scores);
    assertThat(s.distribution()).hasSize(11);
    assertThat(s.topBox()).isCloseTo(3.0 / 7, within(1e-12));
    assertThat(s.bottomBox()).isCloseTo(2.0 / 7, within(1e-12));
    assertThat(s.nps()).isNull();
    assertThat(s.npsCi()).isNull();
    // Top-3 box = 9-11, bottom-3 box = 1-3.
    Scale eleven3 = new Scale(ScoreKind.CSAT, 11, null, null, 3);
    ScoreSummary s3 = ScoreSummarizer.summarize(eleven3, scores);
    assertThat(s3.topBox()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(s3.bottomBox()).isCloseTo(3.0 / 7, within(1e-12));
  }

  @Test
  void scoresOutsideTheScaleAreRejected() {
    assertThatThrownBy(() -> ScoreSummarizer.summarize(CSAT7, new int[] {5, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0")
        .hasMessageContaining("1..7");
    assertThatThrownBy(() -> ScoreSummarizer.summarize(CSAT7, new int[] {8}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8");
    assertThatThrownBy(() -> ScoreSummarizer.summarize(NPS, new int[] {11}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11")
        .hasMessageContaining("0..10");
    assertThatThrownBy(() -> ScoreSummarizer.summarize(NPS, new int[] {-1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void badCountsAreRejected() {
    assertThatThrownBy(() -> ScoreSummarizer.summarize(CSAT7, new long[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5");
    assertThatThrownBy(() -> ScoreSummarizer.summarize(CSAT7, new long[] {0, 0, -2, 0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2");
  }

  // ---- compare --------------------------------------------------------------------------------

  @Test
  void compareSevenPointWeeks() {
    ScoreChange c = ScoreSummarizer.compare(WEEK, CSAT7, TEN, TWELVE);
    assertThat(c.previousWeek()).isEqualTo(WEEK);
    // mean delta = 6.333333 - 5.6 = 0.733333; Welch p = 0.171810 (ScoreStatisticsTest).
    assertThat(c.meanDelta()).isCloseTo(0.733333, within(TOL));
    assertThat(c.meanPValue()).isCloseTo(0.171810, within(TOL));
    // top box 10/12 - 6/10 = 0.833333 - 0.6 = 0.233333.
    // pooled 16/22 = 0.727273; se = sqrt(0.727273 * 0.272727 * (1/10 + 1/12))
    //   = sqrt(0.198347 * 0.183333) = 0.190693; z = 0.233333/0.190693 = 1.223610;
    //   p = 2 * (1 - Phi(1.223610)) = 0.221099.
    assertThat(c.topBoxDelta()).isCloseTo(0.233333, within(TOL));
    assertThat(c.topBoxPValue()).isCloseTo(0.221099, within(TOL));
    assertThat(c.npsDelta()).isNull();
    assertThat(c.npsPValue()).isNull();
    assertThat(c.lowSample()).isTrue();
  }

  @Test
  void compareNpsWeeksFromCounts() {
    // Previous (scores 0..10): 3:1, 6:1, 7:2, 8:1, 9:3, 10:2 -> 5 P, 3 passives, 2 D, n 10,
    //   mean 7.8, var 4.622222.
    long[] previous = {0, 0, 0, 1, 0, 0, 1, 2, 1, 3, 2};
    // Current: 0:1, 5:1, 6:1, 7:2, 8:3, 9:6, 10:6 -> 12 P, 5 passives, 3 D, n 20.
    //   sum 163, mean 8.15; sum of squares 1437, var = (1437 - 163^2/20)/19 = 108.55/19
    //   = 5.713158.
    long[] current = {1, 0, 0, 0, 0, 1, 1, 2, 3, 6, 6};
    ScoreChange c = ScoreSummarizer.compare(WEEK, NPS, previous, current);
    // Welch: s1 = 0.462222, s2 = 0.285658, se = sqrt(0.747880) = 0.864800,
    //   t = 0.35/0.864800 = 0.404718; df = 0.559324/(0.023739 + 0.004295) = 19.95;
    //   p = 0.689991 (scipy ttest_ind(equal_var=False): 0.6899912).
    assertThat(c.meanDelta()).isCloseTo(0.35, within(1e-9));
    assertThat(c.meanPValue()).isCloseTo(0.689991, within(TOL));
    // Top box = promoters: 12/20 - 5/10 = 0.1; pooled 17/30 = 0.566667,
    //   se = sqrt(0.566667 * 0.433333 * (0.1 + 0.05)) = sqrt(0.036833) = 0.191920,
    //   z = 0.1/0.191920 = 0.521050, p = 0.602332.
    assertThat(c.topBoxDelta()).isCloseTo(0.1, within(1e-9));
    assertThat(c.topBoxPValue()).isCloseTo(0.602332, within(TOL));
    // NPS 45 - 30 = 15 points; p = 0.613857 (ScoreStatisticsTest).
    assertThat(c.npsDelta()).isCloseTo(15.0, within(1e-9));
    assertThat(c.npsPValue()).isCloseTo(0.613857, within(TOL));
    assertThat(c.lowSample()).isTrue();
  }

  @Test
  void compareRawScoresMatchesCounts() {
    assertThat(ScoreSummarizer.compare(WEEK, CSAT7, TEN, TWELVE))
        .isEqualTo(
            ScoreSummarizer.compare(
                WEEK,
                CSAT7,
                new long[] {0, 0, 1, 1, 2, 3, 3},
                new long[] {0, 0, 0, 1, 1, 3, 7}));
  }

  @Test
  void compareWithAnEmptyWeek() {
    ScoreChange c = ScoreSummarizer.compare(WEEK, NPS, new int[0], new int[] {9, 10, 3});
    assertThat(c.meanDelta()).isNull();
    assertThat(c.meanPValue()).isNull();
    assertThat(c.topBoxDelta()).isNull();
    assertThat(c.topBoxPValue()).isNull();
    assertThat(c.npsDelta()).isNull();
    assertThat(c.npsPValue()).isNull();
    assertThat(c.lowSample()).isTrue();
  }

  @Test
  void compareSingleAnswers() {
    // One answer each week: deltas exist, Welch needs two answers, the z test does not.
    ScoreChange c = ScoreSummarizer.compare(WEEK, CSAT7, new int[] {3}, new int[] {7});
    assertThat(c.meanDelta()).isEqualTo(4.0);
    assertThat(c.meanPValue()).isNull();
    assertThat(c.topBoxDelta()).isEqualTo(1.0);
    // pooled 1/2, se = sqrt(0.25 * 2) = 0.707107, z = 1.414214, p = 2 * (1 - Phi(1.414214))
    //   = 0.157299.
    assertThat(c.topBoxPValue()).isCloseTo(0.157299, within(TOL));
  }

  @Test
  void compareIdenticalScoreWeeks() {
    ScoreChange same = ScoreSummarizer.compare(WEEK, CSAT7, repeat(7, 30), repeat(7, 40));
    assertThat(same.meanDelta()).isEqualTo(0.0);
    assertThat(same.meanPValue()).isEqualTo(1.0);
    assertThat(same.topBoxDelta()).isEqualTo(0.0);
    assertThat(same.topBoxPValue()).isEqualTo(1.0);
    assertThat(same.lowSample()).isFalse();
    ScoreChange shifted = ScoreSummarizer.compare(WEEK, CSAT7, repeat(5, 30), repeat(6, 30));
    assertThat(shifted.meanDelta()).isEqualTo(1.0);
    assertThat(shifted.meanPValue()).isEqualTo(0.0);
    // Top box 0/30 -> 30/30: pooled 1/2, se = sqrt(0.25 * 2/30) = 0.129099, z = 7.745967,
    //   p = 9.5e-15.
    assertThat(shifted.topBoxDelta()).isEqualTo(1.0);
    assertThat(shifted.topBoxPValue()).isLessThan(1e-12);
  }

  @Test
  void compareRejectsScoresOutsideTheScale() {
    assertThatThrownBy(() -> ScoreSummarizer.compare(WEEK, CSAT7, TEN, new int[] {9}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9");
  }

  @Test
  void meanDifferencePValueIsTheWelchTestOfTwoGroups() {
    // The same two samples as compareSevenPointWeeks, as counts per point: p = 0.171810 both ways.
    long[] ten = {0, 0, 1, 1, 2, 3, 3};
    long[] twelve = {0, 0, 0, 1, 1, 3, 7};
    assertThat(ScoreSummarizer.meanDifferencePValue(CSAT7, twelve, ten)).isCloseTo(0.171810, within(TOL));
    assertThat(ScoreSummarizer.meanDifferencePValue(CSAT7, ten, twelve)).isCloseTo(0.171810, within(TOL));
    // One answer on a side (or none) leaves nothing to test.
    assertThat(ScoreSummarizer.meanDifferencePValue(CSAT7, ten, new long[] {1, 0, 0, 0, 0, 0, 0})).isNull();
    assertThat(ScoreSummarizer.meanDifferencePValue(CSAT7, new long[7], ten)).isNull();
  }
}
