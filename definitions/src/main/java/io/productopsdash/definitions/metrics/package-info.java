/**
 * The definitions behind the rollup numbers that the embedded engine and the Spark job both
 * apply: the metrics configuration as JSON, calendar days and ISO weeks of instants in a zone,
 * the session split, the onboarding outcome, where a signup's source and segment come from,
 * feature-area matching and percentiles by linear interpolation. Pure, no storage.
 */
package io.productopsdash.definitions.metrics;
