package io.productopsdash.engine.theme;

import io.productopsdash.definitions.score.ScoreStatistics;
import io.productopsdash.models.theme.ThemeTrend;
import java.util.List;
import java.util.Objects;

/**
 * GROWING, SHRINKING or STABLE for a theme that existed before this week: its share of this
 * week's commented answers against its share over its recent weeks (the last {@link
 * Options#weeks()} weeks of the series that had themes, pooled: their members over their commented
 * answers, a week without the theme counting as 0), by the two-sided pooled two-proportion z test
 * ({@link ScoreStatistics#twoProportionZPValue}). A change counts when {@code p < alpha} and the
 * larger of the two counts compared (this week's members, or the recent weeks' mean) is at least
 * {@link Options#minCount()}: a theme going from 1 answer to 3 is not news. Comparing with several
 * weeks rather than the last one keeps a single quiet week from making the next look like growth.
 * Immutable result of {@link #of}.
 *
 * @param trend the flag
 * @param pValue the test's p-value, or null when there is no recent week to compare with
 */
public record ShareTrend(ThemeTrend trend, Double pValue) {
  /**
   * Settings of the test.
   *
   * @param weeks recent weeks compared with (4)
   * @param alpha significance level, in (0, 1) (0.05)
   * @param minCount the larger count compared must reach this (5)
   */
  public record Options(int weeks, double alpha, int minCount) {
    /** Validates every setting, naming the bad value. */
    public Options {
      if (weeks < 1) {
        throw new IllegalArgumentException("Invalid number of recent weeks: " + weeks);
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("Invalid alpha: " + alpha + " (0 to 1)");
      }
      if (minCount < 1) {
        throw new IllegalArgumentException("Invalid minimum count: " + minCount);
      }
    }

    /** Recent weeks of {@link #defaults()}. */
    public static final int DEFAULT_WEEKS = 4;

    /** 4 recent weeks, alpha 0.05, counts of at least 5. */
    public static Options defaults() {
      return new Options(DEFAULT_WEEKS, 0.05, 5);
    }
  }

  /** A theme's members and the series' commented answers in one week. */
  public record Count(int members, int answers) {
    public Count {
      if (members < 0 || answers < members) {
        throw new IllegalArgumentException("Invalid count: " + members + " of " + answers);
      }
    }
  }

  public ShareTrend {
    Objects.requireNonNull(trend, "trend");
  }

  /**
   * The trend of a theme with {@code now} this week and {@code recent} in the weeks before (oldest
   * first; only the last {@link Options#weeks()} count).
   */
  public static ShareTrend of(Count now, List<Count> recent, Options options) {
    List<Count> base = recent.subList(Math.max(0, recent.size() - options.weeks()), recent.size());
    long x1 = 0;
    long n1 = 0;
    for (Count c : base) {
      x1 += c.members();
      n1 += c.answers();
    }
    Double p = ScoreStatistics.twoProportionZPValue(x1, n1, now.members(), now.answers());
    if (p == null) {
      return new ShareTrend(ThemeTrend.STABLE, null);
    }
    double meanBefore = base.isEmpty() ? 0 : (double) x1 / base.size();
    boolean bigEnough = Math.max(now.members(), meanBefore) >= options.minCount();
    if (p < options.alpha() && bigEnough) {
      boolean up = (double) now.members() / now.answers() > (double) x1 / n1;
      return new ShareTrend(up ? ThemeTrend.GROWING : ThemeTrend.SHRINKING, p);
    }
    return new ShareTrend(ThemeTrend.STABLE, p);
  }
}
