/**
 * Small concurrency helpers shared by the engine's CPU-bound stages (kNN search, k-means,
 * embedding): tasks on a few threads whose results never depend on scheduling.
 */
package io.productopsdash.engine.parallel;
