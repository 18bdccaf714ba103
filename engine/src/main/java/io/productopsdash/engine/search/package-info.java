/**
 * The answer index and its search: {@link io.productopsdash.engine.search.AnswerRecord} is the
 * raw, redacted answer as the pipeline knows it; {@link
 * io.productopsdash.engine.search.AnswerDocuments} turns it into a Lucene document (English
 * analysis, filters, facets, KNN vector) using the names in {@link
 * io.productopsdash.engine.search.AnswerFields}; {@link io.productopsdash.engine.search.AnswerIndex}
 * keeps an on-disk index (add or replace by answer id, commit, searchers); {@link
 * io.productopsdash.engine.search.AnswerSearch} answers queries with filters, facet counts,
 * highlighted snippets, sorting, paging and vector "similar answers". SQLite stays the source of
 * truth: the index can always be rebuilt from it.
 */
package io.productopsdash.engine.search;
