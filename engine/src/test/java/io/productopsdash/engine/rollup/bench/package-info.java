/**
 * The rollup benchmark, a command rather than a test ({@code bench/rollup-bench.sh}): a
 * deterministic generator of a wallet app's event stream, the timed Java rollups, and the same
 * rollups as SQL in DuckDB with an entry-by-entry comparison of the numbers.
 */
package io.productopsdash.engine.rollup.bench;
