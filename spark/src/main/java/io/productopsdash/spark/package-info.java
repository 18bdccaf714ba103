/**
 * The rollups as an Apache Spark job ({@link io.productopsdash.spark.RollupJob}) over event files
 * at any scale: Segment and Amplitude JSON lines and the Parquet export, normalised by the same
 * functions as the embedded importers, deduplicated, linked and rolled up with the embedded
 * engine's definitions from module {@code definitions}, so both give the same numbers. The
 * reports are written as the metrics API's JSON for {@code productopsdash import-rollups}.
 */
package io.productopsdash.spark;
