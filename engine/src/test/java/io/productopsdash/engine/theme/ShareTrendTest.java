package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.models.theme.ThemeTrend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ShareTrend}: the pooled two-proportion z test against the recent weeks, with a minimum count. */
class ShareTrendTest {
  @Test
  void aTriplingAgainstFourWeeksIsGrowingWithTheHandComputedPValue() {
    List<ShareTrend.Count> recent =
        List.of(new ShareTrend.Count(9, 300), new ShareTrend.Count(10, 310), new ShareTrend.Count(8, 290), new ShareTrend.Count(9, 300));
    ShareTrend t = ShareTrend.of(new ShareTrend.Count(27, 320), recent, ShareTrend.Options.defaults());
    // x1 = 36 of 1200, x2 = 27 of 320; pooled 63/1520; z = (0.084375 - 0.03) / sqrt(p(1-p)(1/1200 + 1/320)).
    double p = 63.0 / 1520;
    double z = (27.0 / 320 - 36.0 / 1200) / Math.sqrt(p * (1 - p) * (1.0 / 1200 + 1.0 / 320));
    assertThat(z).isCloseTo(4.33, within(0.01));
    assertThat(t.trend()).isEqualTo(ThemeTrend.GROWING);
    assertThat(t.pValue()).isLessThan(1e-4);
  }

  @Test
  void onlyTheLastWeeksCount() {
    // A big first week is beyond the 4 weeks compared, so 10 against 10 a week is stable.
    List<ShareTrend.Count> recent =
        List.of(new ShareTrend.Count(90, 300), new ShareTrend.Count(10, 300), new ShareTrend.Count(10, 300),
            new ShareTrend.Count(10, 300), new ShareTrend.Count(10, 300));
    ShareTrend t = ShareTrend.of(new ShareTrend.Count(10, 300), recent, ShareTrend.Options.defaults());
    assertThat(t.trend()).isEqualTo(ThemeTrend.STABLE);
    assertThat(t.pValue()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aSignificantChangeOfTinyCountsIsNotNews() {
    // 0 a week before, 4 now: significant, but below the minimum count of 5.
    List<ShareTrend.Count> recent = List.of(new ShareTrend.Count(0, 300), new ShareTrend.Count(0, 300), new ShareTrend.Count(0, 300));
    ShareTrend small = ShareTrend.of(new ShareTrend.Count(4, 300), recent, ShareTrend.Options.defaults());
    assertThat(small.pValue()).isLessThan(0.05);
    assertThat(small.trend()).isEqualTo(ThemeTrend.STABLE);
    ShareTrend big = ShareTrend.of(new ShareTrend.Count(6, 300), recent, ShareTrend.Options.defaults());
    assertThat(big.trend()).isEqualTo(ThemeTrend.GROWING);
  }

  @Test
  void shrinkingAndNoHistory() {
    List<ShareTrend.Count> recent = List.of(new ShareTrend.Count(30, 300), new ShareTrend.Count(30, 300));
    assertThat(ShareTrend.of(new ShareTrend.Count(5, 300), recent, ShareTrend.Options.defaults()).trend())
        .isEqualTo(ThemeTrend.SHRINKING);
    ShareTrend none = ShareTrend.of(new ShareTrend.Count(5, 300), List.of(), ShareTrend.Options.defaults());
    assertThat(none.trend()).isEqualTo(ThemeTrend.STABLE);
    assertThat(none.pValue()).isNull();
  }
}
