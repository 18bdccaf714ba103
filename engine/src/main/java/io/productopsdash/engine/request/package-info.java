/**
 * Feature-request detection in open answers: {@link
 * io.productopsdash.engine.request.FeatureRequestDetector} tells whether an answer asks for
 * something ("please add …", "I wish …", "would be great if …", "why can't I …") with transparent
 * English rules, a confidence and the cues that fired, and tells a request for new behaviour from
 * a bug report ("it doesn't load, please fix"). {@link
 * io.productopsdash.engine.request.RequestPhrase} cuts the requested thing out of a request ("dark
 * mode") for labelling request themes; {@link
 * io.productopsdash.engine.request.FeatureRequestEvaluation} measures a detector against labels.
 * Local and deterministic: no model, no network.
 */
package io.productopsdash.engine.request;
