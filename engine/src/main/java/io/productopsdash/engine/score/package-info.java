/**
 * Weekly survey scores read from SQLite: {@link io.productopsdash.engine.score.ScoreService} counts
 * each week's answers per scale point and summarises them with the shared score statistics
 * ({@code io.productopsdash.definitions.score}), the one source of the weekly score numbers.
 */
package io.productopsdash.engine.score;
