package io.productopsdash.models.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.models.WeekId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariants the rollup records keep: counts add up, shares are fractions, lists are copies. */
class RollupRecordsTest {
  private static final WeekId W = WeekId.parse("2026-W06");
  private static final SupportTickets NO_TICKETS = new SupportTickets(0, 0, 0.0, 0.0);

  @Test
  void onboardingOutcomesMustAddUpToTheCohort() {
    Distribution one = new Distribution(1, 2.0, 2.0, 2.0, 2.0);
    OnboardingCohort ok = new OnboardingCohort(W, 3, 1, 1.0 / 3, one, one, one, one, NO_TICKETS, 1, 1, 1, true, java.time.Instant.EPOCH);
    assertThat(ok.users()).isEqualTo(3);
    assertThatThrownBy(() -> new OnboardingCohort(W, 3, 1, 1.0 / 3, one, one, one, one, NO_TICKETS, 1, 0, 0, true, java.time.Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 + 1 + 0 != 3");
    assertThatThrownBy(() -> new OnboardingCohort(W, 3, 1, 1.0 / 3, one, one, one, one, NO_TICKETS, 1, 1, 3, true, java.time.Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void breakdownsMustSumToTheSignups() {
    assertThat(new AcquisitionWeek(W, 2, List.of(new KeyCount("ads", 2)), List.of(new KeyCount(KeyCount.NONE, 2)), false).signups())
        .isEqualTo(2);
    assertThatThrownBy(() -> new AcquisitionWeek(W, 2, List.of(new KeyCount("ads", 1)), List.of(new KeyCount("pro", 2)), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void distributionsAreEmptyOrComplete() {
    assertThat(Distribution.EMPTY.median()).isNull();
    assertThatThrownBy(() -> new Distribution(2, 1.0, null, 1.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void depthLevelsSumToAreaUsersAndSharesAreFractions() {
    assertThatThrownBy(() -> new AreaDepth("Swap", 3, 0.5, 2.0, 1.0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AreaDepth("Swap", 1, 1.5, 2.0, 1.0, 1, 0, 0)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> new FeatureUsage("screen", "x", 1, 1, 1, 0)).hasMessageContaining("kind");
  }

  @Test
  void reportsRejectReversedRanges() {
    assertThatThrownBy(() -> new UsageReport(W.plusWeeks(1), W, java.time.Instant.EPOCH, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
