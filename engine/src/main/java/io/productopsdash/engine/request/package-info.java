/**
 * Feature requests in open answers, from detection to groups. {@link
 * io.productopsdash.engine.request.FeatureRequestDetector} tells whether an answer asks for
 * something, in English, Spanish, German or French ({@link
 * io.productopsdash.engine.request.RequestLanguage}, read through {@link
 * io.productopsdash.engine.request.RequestGlossary}'s English gloss): transparent rules ({@code
 * RequestRules}, {@code ImplicitRequestRules}: explicit, terse and implicit asks; requests for a
 * fix and bug reports vetoed) blended with a small classifier trained on the shipped hand-written
 * examples ({@link io.productopsdash.engine.request.RequestClassifier}). {@link
 * io.productopsdash.engine.request.RequestAsks} cuts the asks out of a request, {@link
 * io.productopsdash.engine.request.AskTerms} reduces each to normalised terms ({@link
 * io.productopsdash.engine.request.AskVocabulary}), {@link
 * io.productopsdash.engine.request.AskSimilarity} compares two asks, {@link
 * io.productopsdash.engine.request.RequestBatch} groups a batch of answers' asks (joining existing
 * groups) and {@link io.productopsdash.engine.request.RequestNamer} names the groups. {@link
 * io.productopsdash.engine.request.FeatureRequestEvaluation} and {@link
 * io.productopsdash.engine.request.RequestCorpusScore} measure detection and grouping against
 * labels. Local and deterministic: no network, fixed rules, data and training.
 */
package io.productopsdash.engine.request;
