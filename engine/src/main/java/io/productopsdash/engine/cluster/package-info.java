/**
 * Themes from sentence embeddings: exact cosine kNN ({@link
 * io.productopsdash.engine.cluster.Knn}), the shared-nearest-neighbour graph, Leiden communities,
 * Lloyd refinement, and {@link io.productopsdash.engine.cluster.ThemeClustering}, which chains them into
 * themes (and sub-themes) with the number of themes chosen automatically. Also the external
 * quality measures used to check it against labelled data (NMI, ARI, Hungarian accuracy) and theme
 * labels from class-based TF-IDF keywords behind the {@link
 * io.productopsdash.engine.cluster.ThemeLabeler} interface. Pure computation: no I/O, no model;
 * everything random takes its seed from the options.
 */
package io.productopsdash.engine.cluster;
