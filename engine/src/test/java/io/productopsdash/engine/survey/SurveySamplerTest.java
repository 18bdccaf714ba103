package io.productopsdash.engine.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.models.WeekId;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SurveySamplerTest {
  private static final int USERS = 200_000;
  private final SurveySampler sampler = new SurveySampler(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
  private final WeekId week = WeekId.parse("2026-W10");

  @Test
  void sampledFractionIsWithinThreeSigmaOfTheRate() {
    for (double rate : new double[] {0.01, 0.1, 0.5}) {
      int sampled = 0;
      for (int u = 0; u < USERS; u++) {
        if (sampler.isSampled(7, week, "user-" + u, rate)) {
          sampled++;
        }
      }
      double sigma = Math.sqrt(USERS * rate * (1 - rate));
      assertThat((double) sampled).as("rate %s", rate).isCloseTo(USERS * rate, org.assertj.core.data.Offset.offset(3 * sigma));
    }
  }

  @Test
  void twoWeeksAreIndependent() {
    double rate = 0.2;
    WeekId next = week.plusWeeks(1);
    int both = 0;
    for (int u = 0; u < USERS; u++) {
      String user = "user-" + u;
      if (sampler.isSampled(7, week, user, rate) && sampler.isSampled(7, next, user, rate)) {
        both++;
      }
    }
    // Independent draws overlap in rate^2 of users: 8,000 of 200,000, sigma about 88.
    double p = rate * rate;
    double sigma = Math.sqrt(USERS * p * (1 - p));
    assertThat((double) both).isCloseTo(USERS * p, org.assertj.core.data.Offset.offset(3 * sigma));
  }

  @Test
  void surveysAreIndependentToo() {
    double rate = 0.2;
    int both = 0;
    for (int u = 0; u < USERS; u++) {
      String user = "user-" + u;
      if (sampler.isSampled(7, week, user, rate) && sampler.isSampled(8, week, user, rate)) {
        both++;
      }
    }
    double p = rate * rate;
    assertThat((double) both).isCloseTo(USERS * p, org.assertj.core.data.Offset.offset(3 * Math.sqrt(USERS * p * (1 - p))));
  }

  @Test
  void theSameCallAnswersTheSame() {
    for (int u = 0; u < 1000; u++) {
      String user = "user-" + u;
      assertThat(sampler.draw(3, week, user)).isEqualTo(sampler.draw(3, week, user));
      assertThat(new SurveySampler(HexFormat.of().parseHex("00112233445566778899aabbccddeeff")).draw(3, week, user))
          .as("another process with the same key")
          .isEqualTo(sampler.draw(3, week, user));
    }
  }

  @Test
  void drawsLieInTheUnitIntervalAndRatesOneAndZeroAreExact() {
    for (int u = 0; u < 10_000; u++) {
      double d = sampler.draw(1, week, "u" + u);
      assertThat(d).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      assertThat(sampler.isSampled(1, week, "u" + u, 1.0)).isTrue();
      assertThat(sampler.isSampled(1, week, "u" + u, 0.0)).isFalse();
    }
  }

  @Test
  void aDifferentKeySamplesDifferentUsers() {
    SurveySampler other = new SurveySampler(HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100"));
    int same = 0;
    for (int u = 0; u < 10_000; u++) {
      if (sampler.isSampled(1, week, "u" + u, 0.5) == other.isSampled(1, week, "u" + u, 0.5)) {
        same++;
      }
    }
    assertThat(same).isBetween(4700, 5300);
  }
}
