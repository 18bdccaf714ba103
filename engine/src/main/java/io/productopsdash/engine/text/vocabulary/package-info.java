/**
 * The product vocabulary: words that are never redacted as person names, because they name the
 * product, its features and the brands its users talk about. {@link
 * io.productopsdash.engine.text.vocabulary.ProductVocabulary} matches terms in a text; the built-in
 * list of technology, finance and crypto brands ships as a versioned resource; {@link
 * io.productopsdash.engine.text.vocabulary.WorkspaceVocabulary} adds a workspace's metrics
 * configuration, event and page names, survey texts and its PM-edited {@link
 * io.productopsdash.engine.text.vocabulary.Glossary}. Secrets are removed whatever the vocabulary
 * says.
 */
package io.productopsdash.engine.text.vocabulary;
