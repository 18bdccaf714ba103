/**
 * The work of ProductOpsDash: survey sampling and the survey loop, score statistics, and (in
 * later packages) rollups, text mining, search and digest composition. Reads and writes through
 * the {@code data} module; never imports HTTP.
 */
package io.productopsdash.engine;
