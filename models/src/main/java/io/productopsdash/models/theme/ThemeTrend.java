package io.productopsdash.models.theme;

/**
 * A theme's flag in a week: how it came about, for a theme created that week, or how its share of
 * the week's answers changed against its recent weeks.
 */
public enum ThemeTrend {
  /** Created this week, mostly from this week's answers. */
  NEW,
  /** Created this week mostly from earlier weeks' unclustered answers: a known topic found late. */
  FOUND_LATE,
  /** Created this week by splitting off an existing theme that had become two topics. */
  SPLIT,
  /** Its share of the week's answers rose significantly. */
  GROWING,
  /** Its share of the week's answers fell significantly. */
  SHRINKING,
  /** No significant change of share. */
  STABLE;

  /** True for the flags of a theme created this week. */
  public boolean created() {
    return this == NEW || this == FOUND_LATE || this == SPLIT;
  }
}
