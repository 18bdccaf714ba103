/**
 * The answer index and its search: {@link io.productopsdash.engine.search.AnswerRecord} is the
 * raw, redacted answer as the pipeline knows it; {@link
 * io.productopsdash.engine.search.AnswerDocuments} turns it into a Lucene document (English
 * analysis, filters, facets, KNN vector) using the names in {@link
 * io.productopsdash.engine.search.AnswerFields}; {@link io.productopsdash.engine.search.AnswerIndex}
 * keeps an on-disk index (add or replace by answer id, commit, searchers; read-only beside a
 * writer); {@link io.productopsdash.engine.search.AnswerSearch} answers keyword, vector and hybrid
 * queries ({@link io.productopsdash.engine.search.Fusion}) with filters, facet counts, highlighted
 * snippets, sorting, paging, and vector "similar answers". SQLite stays the source of truth: {@link
 * io.productopsdash.engine.search.AnswerIndexer} rebuilds the index from it and catches up with
 * what changed since the last commit (per-week fingerprints in the commit data), and {@link
 * io.productopsdash.engine.search.LiveIndexer} indexes answers as they arrive.
 */
package io.productopsdash.engine.search;
