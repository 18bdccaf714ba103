/**
 * Theme runs in a serving process: the coordinator every run goes through ({@link
 * io.productopsdash.server.themes.ThemeRuns}, one run per series at a time, logged) and the
 * scheduler that themes the current week on an interval and finalises a closed week before its
 * digest ({@link io.productopsdash.server.themes.ThemeScheduler}).
 */
package io.productopsdash.server.themes;
