package io.productopsdash.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventScan;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AreaSatisfaction;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.SatisfactionGroup;
import io.productopsdash.models.rollup.SatisfactionReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SatisfactionByUsage} over {@link RollupFixture}'s events (stored in a real SQLite file
 * and scanned back) and sixteen hand-made answers on a 7-point CSAT scale (top box 6-7, bottom
 * box 1-2), as of the fixture's 20 March. Per answer (week; cohort; outcome; first week with a
 * Wallet home / Atomic swap / Multi-chain event, local Berlin dates; score):
 *
 * <pre>
 *  #  user          week  cohort  outcome          WH    AS    MC    score
 *  1  alice         W06   W06     converted        W06   -     -     7
 *  2  anon-a=alice  W07   W06     converted        W06   -     -     6
 *  3  bob           W06   W06     converted        W06   -     -     5
 *  4  carol         W06   W06     converted        -     W06   -     6
 *  5  dave          W06   none    no signup        -     W06   -     2
 *  6  erin          W07   W06     silent give-up   -     -     W06   1
 *  7  frank         W07   W06     in progress      -     -     -     3
 *  8  mallory       W07   W06     converted        W06   -     -     7
 *  9  anon-z        W07   none    no signup        W07   W06   -     4
 * 10  judy          W08   W07     converted        -     -     -     5
 * 11  grace         W06   W07     in progress      W07   -     -     1   (W07 use is after W06)
 * 12  grace         W08   W07     in progress      W07   -     -     6
 * 13  heidi         W07   W07     converted        W07   -     -     7
 * 14  ivan          W07   W07     converted        -     W07   -     5
 * 15  nina          W06   none    no signup        W07   -     W07   3   (all use after W06)
 * 16  zoe           W07   none    no signup        -     -     -     4   (no events at all)
 *     bob           W09                                              1   (outside the range)
 * </pre>
 *
 * anon-z's "/" page is Sunday 23:10Z = Monday 00:10 local, so its Wallet home use is W07 while
 * its /swap page (23:50 local Sunday) is W06. "anon-a" is resolved to alice through the identify
 * link, as the event scan does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SatisfactionByUsageIT {
  private static final double EPS = 1e-9;
  private static final Scale CSAT = new Scale(ScoreKind.CSAT, 7, null, null, 2);
  private static final WeekId FROM = WeekId.parse("2026-W06");
  private static final WeekId TO = WeekId.parse("2026-W08");

  @TempDir static Path dir;
  private Database db;
  private EventLog log;
  private Map<String, String> identities;
  private SatisfactionReport report;

  @BeforeAll
  void compute() {
    db = Database.open(dir);
    RollupFixture.store(db);
    log = EventLog.of(EventScan.load(db, List.of(RollupFixture.CONFIG.signupEvent()), 2));
    identities = db.read(EventScan::identities);
    report = SatisfactionByUsage.of(
        log, RollupFixture.CONFIG, 42, CSAT, answers(), identities, FROM, TO, RollupFixture.AS_OF);
  }

  @AfterAll
  void close() {
    db.close();
  }

  private static List<Answer> answers() {
    Object[][] rows = RollupFixture.answerRows();
    List<Answer> out = new ArrayList<>();
    // Given before every evaluation instant used here, so these tests see events cut, not answers
    // (answersGivenAfterTheEvaluationInstantDoNotCount moves some later).
    Instant at = Instant.parse("2026-02-02T00:00:00Z");
    for (int i = 0; i < rows.length; i++) {
      out.add(new Answer(
          i + 1, "r" + i, 42, (String) rows[i][0], WeekId.parse("2026-" + rows[i][1]), (int) rows[i][2], null, null,
          null, at, at));
    }
    return out;
  }

  @Test
  void overallCountsEveryAnswerInTheRangeOnce() {
    assertThat(report.surveyId()).isEqualTo(42);
    assertThat(report.from()).isEqualTo(FROM);
    assertThat(report.to()).isEqualTo(TO);
    assertThat(report.asOf()).isEqualTo(RollupFixture.AS_OF);
    ScoreSummary all = report.overall();
    // 7+6+5+6+2+1+3+7+4+5+1+6+7+5+3+4 = 72 over 16 (bob's W09 answer left out).
    assertThat(all.n()).isEqualTo(16);
    assertThat(all.mean()).isCloseTo(72.0 / 16, within(EPS));
    // Scores 1..7: 1 twice (erin, grace), 2 (dave), 3 (frank, nina), 4 (anon-z, zoe), 5 x3, 6 x3, 7 x3.
    assertThat(all.distribution()).containsExactly(2L, 1L, 2L, 2L, 3L, 3L, 3L);
    assertThat(all.topBox()).isCloseTo(6.0 / 16, within(EPS));
    assertThat(all.bottomBox()).isCloseTo(3.0 / 16, within(EPS));
    assertThat(all.lowSample()).isTrue();
  }

  @Test
  void bySignupCohortWithTheUsersWithoutSignupLast() {
    assertThat(report.bySignupCohort()).extracting(SatisfactionGroup::key)
        .containsExactly("2026-W06", "2026-W07", SatisfactionReport.NO_SIGNUP_COHORT);
    // W06: alice 7, alice (as anon-a) 6, bob 5, carol 6, erin 1, frank 3, mallory 7 = 35 / 7.
    assertGroup(report.bySignupCohort().get(0), 7, 35.0 / 7);
    // W07 (judy signed up Monday 00:30 local): judy 5, grace 1 and 6, heidi 7, ivan 5 = 24 / 5.
    assertGroup(report.bySignupCohort().get(1), 5, 24.0 / 5);
    // No signup: dave 2, anon-z 4, nina 3, zoe 4 = 13 / 4.
    assertGroup(report.bySignupCohort().get(2), 4, 13.0 / 4);
  }

  @Test
  void byOnboardingOutcomeAsOfTheEvaluationInstant() {
    assertThat(report.byOnboarding()).extracting(SatisfactionGroup::key)
        .containsExactly("converted", "in progress", "silent give-up", "no signup seen");
    // alice 7 and 6, bob 5, carol 6, mallory 7, judy 5, heidi 7, ivan 5 = 48 / 8.
    assertGroup(report.byOnboarding().get(0), 8, 6.0);
    // frank 3 (deposit after the window), grace 1 and 6 (last seen 1 March) = 10 / 3.
    assertGroup(report.byOnboarding().get(1), 3, 10.0 / 3);
    // erin 1: one answer has a mean but no interval.
    assertGroup(report.byOnboarding().get(2), 1, 1.0);
    assertThat(report.byOnboarding().get(2).score().meanCi()).isNull();
    assertGroup(report.byOnboarding().get(3), 4, 13.0 / 4);
  }

  @Test
  void theOutcomesAreTheOnboardingRollupsOwn() {
    // The same users through the onboarding rollup: W06 cohort alice, bob, carol, erin, frank,
    // mallory (4 converted, 1 silent, 1 in progress); W07 judy, grace, heidi, ivan (3 + 0 + 1).
    OnboardingReport onboarding =
        OnboardingRollup.of(log, RollupFixture.CONFIG, FROM, WeekId.parse("2026-W07"), RollupFixture.AS_OF);
    assertThat(onboarding.cohorts().get(0).converted()).isEqualTo(4);
    assertThat(onboarding.cohorts().get(0).silentGiveUps()).isEqualTo(1);
    assertThat(onboarding.cohorts().get(0).inProgress()).isEqualTo(1);
    assertThat(onboarding.cohorts().get(1).converted()).isEqualTo(3);
    assertThat(onboarding.cohorts().get(1).inProgress()).isEqualTo(1);
  }

  @Test
  void byAreaAdoptionUpToTheEndOfTheAnswersWeek() {
    assertThat(report.byArea()).extracting(AreaSatisfaction::area)
        .containsExactly("Wallet home", "Atomic swap", "Multi-chain");

    // Wallet home: adopters #1 7, #2 6, #3 5, #8 7, #9 4, #12 6, #13 7 = 42 / 7;
    // others #4 6, #5 2, #6 1, #7 3, #10 5, #11 1, #14 5, #15 3, #16 4 = 30 / 9.
    AreaSatisfaction wallet = report.byArea().get(0);
    assertGroup(wallet.adopters(), 7, 6.0);
    assertGroup(wallet.others(), 9, 30.0 / 9);
    assertThat(wallet.meanDelta()).isCloseTo(6.0 - 30.0 / 9, within(EPS));
    double[] walletIn = {7, 6, 5, 7, 4, 6, 7};
    double[] walletOut = {6, 2, 1, 3, 5, 1, 5, 3, 4};
    assertThat(wallet.pValue()).isCloseTo(new TTest().tTest(walletIn, walletOut), within(1e-9));
    assertThat(wallet.pValue()).isCloseTo(welch(walletIn, walletOut), within(1e-9));
    assertThat(wallet.pValue()).isLessThan(0.01);

    // Atomic swap: adopters #4 6, #5 2, #9 4, #14 5 = 17 / 4; others 72 - 17 = 55 over 12.
    AreaSatisfaction swap = report.byArea().get(1);
    assertGroup(swap.adopters(), 4, 17.0 / 4);
    assertGroup(swap.others(), 12, 55.0 / 12);
    assertThat(swap.meanDelta()).isCloseTo(17.0 / 4 - 55.0 / 12, within(EPS));
    double[] swapIn = {6, 2, 4, 5};
    double[] swapOut = {7, 6, 5, 1, 3, 7, 5, 1, 6, 7, 3, 4};
    assertThat(swap.pValue()).isCloseTo(new TTest().tTest(swapIn, swapOut), within(1e-9));

    // Multi-chain: only erin's 1 (nina's use came the week after her answer); Welch needs two
    // answers a side, so no p-value, but the difference is there: 1 - 71 / 15.
    AreaSatisfaction chains = report.byArea().get(2);
    assertGroup(chains.adopters(), 1, 1.0);
    assertGroup(chains.others(), 15, 71.0 / 15);
    assertThat(chains.meanDelta()).isCloseTo(1.0 - 71.0 / 15, within(EPS));
    assertThat(chains.pValue()).isNull();
  }

  @Test
  void answersGivenAfterTheEvaluationInstantDoNotCount() {
    // judy's and grace's W08 answers given on 18 Feb: as of 7 Feb they do not exist yet.
    Instant later = Instant.parse("2026-02-18T09:00:00Z");
    List<Answer> answers = new ArrayList<>();
    for (Answer a : answers()) {
      answers.add(a.week().equals(TO)
          ? new Answer(a.id(), a.responseId(), a.surveyId(), a.userId(), a.week(), a.score(), null, null, null, later, later)
          : a);
    }
    Instant asOf = Instant.parse("2026-02-07T12:00:00Z");
    SatisfactionReport early = SatisfactionByUsage.of(log, RollupFixture.CONFIG, 42, CSAT, answers, identities, FROM, TO, asOf);
    // No signup as of then (see below): 44 / 10 less judy 5 and grace 6 = 33 / 8.
    assertGroup(early.byOnboarding().get(3), 8, 33.0 / 8);
    SatisfactionReport atThem = SatisfactionByUsage.of(log, RollupFixture.CONFIG, 42, CSAT, answers, identities, FROM, TO, later);
    assertThat(atThem.overall().n()).isEqualTo(early.overall().n() + 2);
  }

  @Test
  void eventsAfterTheEvaluationInstantDoNotExist() {
    // As of Sat 7 Feb 12:00Z: erin's last event (6 Feb 20:00Z) is under 30 days old, so she is in
    // progress; judy, grace, heidi and ivan have not signed up yet, nina and ivan used nothing.
    SatisfactionReport early = SatisfactionByUsage.of(
        log, RollupFixture.CONFIG, 42, CSAT, answers(), identities, FROM, TO, Instant.parse("2026-02-07T12:00:00Z"));
    // In progress: erin 1, frank 3 = 4 / 2 (mallory signed up at 18:05Z, after the instant).
    assertGroup(early.byOnboarding().get(1), 2, 2.0);
    assertGroup(early.byOnboarding().get(2), 0, null);
    // Converted: alice 7 and 6, bob 5, carol 6 = 24 / 4.
    assertGroup(early.byOnboarding().get(0), 4, 6.0);
    // No signup: the 4 above, mallory 7, judy 5, grace 1 and 6, heidi 7, ivan 5 = 44 / 10.
    assertGroup(early.byOnboarding().get(3), 10, 44.0 / 10);
    assertThat(early.bySignupCohort()).extracting(SatisfactionGroup::key)
        .containsExactly("2026-W06", SatisfactionReport.NO_SIGNUP_COHORT);
    // Atomic swap: carol 6, dave 2 (anon-z's /swap is 8 Feb, ivan's 12 Feb) = 8 / 2.
    assertGroup(early.byArea().get(1).adopters(), 2, 4.0);
  }

  private static void assertGroup(SatisfactionGroup group, int n, Double mean) {
    assertGroup(group.score(), n, mean);
  }

  private static void assertGroup(ScoreSummary score, int n, Double mean) {
    assertThat(score.n()).isEqualTo(n);
    if (mean == null) {
      assertThat(score.mean()).isNull();
    } else {
      assertThat(score.mean()).isCloseTo(mean, within(EPS));
    }
    assertThat(score.distribution().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
  }

  /**
   * Welch's two-sided p-value computed from scratch: t = (m1 - m2) / √(v1/n1 + v2/n2),
   * Welch–Satterthwaite df, the t distribution's tail through the regularized incomplete beta
   * function: P(|T| > t) = I_{df / (df + t²)}(df/2, 1/2).
   */
  private static double welch(double[] a, double[] b) {
    double m1 = mean(a);
    double m2 = mean(b);
    double s1 = variance(a, m1) / a.length;
    double s2 = variance(b, m2) / b.length;
    double t = (m1 - m2) / Math.sqrt(s1 + s2);
    double df = (s1 + s2) * (s1 + s2) / (s1 * s1 / (a.length - 1) + s2 * s2 / (b.length - 1));
    return org.apache.commons.math3.special.Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x, double mean) {
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return s / (x.length - 1);
  }
}
