/**
 * Persistent themes of a survey's open answers. A theme is a long-lived entity: {@link
 * io.productopsdash.engine.theme.WeeklyThemeRun} runs one week in named stages (load, assign to
 * the living themes by an exemplar vote, cluster the rest into candidate new themes, review merges
 * and splits, track flags, name, store), {@link io.productopsdash.engine.theme.ThemeMemory} is what
 * a run remembers of the weeks before, and {@link io.productopsdash.engine.theme.ThemeQueries} is
 * what the API, the dashboard and the digest read.
 */
package io.productopsdash.engine.theme;
