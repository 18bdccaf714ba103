/**
 * Score statistics: the summary of a set of answers on a scale (mean with its t interval, top
 * and bottom box with Wilson intervals, NPS with its interval) and the tests between two sets,
 * shared by the weekly scores and the satisfaction breakdowns of the engine and the Spark job.
 */
package io.productopsdash.definitions.score;
