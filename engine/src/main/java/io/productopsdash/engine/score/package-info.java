/**
 * Survey score statistics: per-week summaries of a scale's answers (mean with a Student-t
 * interval, top and bottom box with Wilson intervals, NPS with its multinomial interval) and the
 * week-over-week significance tests. Pure functions over counts per scale point, so the same
 * numbers come out whether the answers were counted in SQLite or in memory.
 */
package io.productopsdash.engine.score;
