package io.productopsdash.models.theme;

/** How a theme changed since the previous week it was tracked in. */
public enum ThemeTrend {
  /** No theme of the previous week matched. */
  NEW,
  /** Its share of the week's answers rose significantly. */
  GROWING,
  /** Its share of the week's answers fell significantly. */
  SHRINKING,
  /** Matched, with no significant change of share. */
  STABLE
}
