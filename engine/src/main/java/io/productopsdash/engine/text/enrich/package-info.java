/**
 * Enrichment of open answers, once per answer and cached in SQLite: one shared CoreNLP pass gives
 * tokens, POS-aware lemmas, noun phrases and the person names that are redacted before anything
 * else sees the text ({@link io.productopsdash.engine.text.enrich.Enricher}, {@link
 * io.productopsdash.engine.text.enrich.EnrichmentService}); sentence sentiment from the
 * shift-reduce parser runs after, in the background ({@link
 * io.productopsdash.engine.text.enrich.SentimentWorker}); {@link
 * io.productopsdash.engine.text.enrich.CoreNlpThemeLabeler} names themes from lemmas and phrases.
 */
package io.productopsdash.engine.text.enrich;
