package io.productopsdash.engine.search;

/** An answer close in meaning to another, with its cosine-based similarity (higher is closer). */
public record SimilarAnswer(long answerId, float similarity, String themeId, String comment) {}
