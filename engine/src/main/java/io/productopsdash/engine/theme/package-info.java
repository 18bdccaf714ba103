/**
 * Weekly themes of a survey's open answers: {@link io.productopsdash.engine.theme.ThemeTracker}
 * matches this week's clusters to last week's themes so theme ids stay stable and flags new,
 * growing and shrinking themes; {@link io.productopsdash.engine.theme.WeeklyThemeRun} embeds,
 * clusters, labels, tracks and stores one week.
 */
package io.productopsdash.engine.theme;
