package io.productopsdash.engine.request;

import io.productopsdash.engine.embed.SentenceEmbedder;
import java.util.List;
import java.util.Objects;

/**
 * The embedding signal of feature-request detection: the probability that an answer asks for
 * something, from its all-MiniLM-L6-v2 sentence vector alone.
 *
 * <p>A logistic regression ({@link VectorLogisticRegression}, C = {@value #C}) fitted on the
 * hand-written examples of {@link RequestExamples} (about 260 requests and 260 other pieces of
 * feedback), never on an evaluation set. The examples are embedded with {@link
 * SentenceEmbedder#shared()} and the model fitted once per process, on the first call of {@link
 * #shared()} (about 1 s after the embedding model is loaded). The sentence vectors carry topic more
 * than intent, so alone this signal is weaker than the rules; see {@link
 * BlendedFeatureRequestDetector} for the combination.
 *
 * <p>Immutable and safe to share between threads; deterministic (the examples' vectors and the fit
 * are).
 */
public final class EmbeddingRequestSignal {
  /** The model whose vectors {@link #probability} expects. */
  public static final String MODEL = "all-MiniLM-L6-v2";

  /**
   * Inverse regularisation strength. Chosen among 0.3-100 by the average precision of this signal
   * alone on the review sets' development halves (3 to 30 were within 0.01 of each other).
   */
  static final double C = 10.0;

  private final VectorLogisticRegression model;
  private final int examples;

  private EmbeddingRequestSignal(VectorLogisticRegression model, int examples) {
    this.model = model;
    this.examples = examples;
  }

  /** The signal fitted on the shipped examples; the first call embeds them and fits. */
  public static EmbeddingRequestSignal shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final EmbeddingRequestSignal INSTANCE = standard(SentenceEmbedder.shared());
  }

  static EmbeddingRequestSignal standard(SentenceEmbedder embedder) {
    List<RequestExamples.Example> examples = RequestExamples.standard();
    float[][] vectors =
        embedder.embedAll(
            examples.stream().map(RequestExamples.Example::text).toList(),
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())),
            SentenceEmbedder.Progress.NONE);
    return fit(examples, vectors, C);
  }

  /** Fits the signal on examples and their vectors (row {@code i} is the vector of example i). */
  static EmbeddingRequestSignal fit(
      List<RequestExamples.Example> examples, float[][] vectors, double c) {
    Objects.requireNonNull(examples, "examples");
    Objects.requireNonNull(vectors, "vectors");
    if (examples.size() != vectors.length) {
      throw new IllegalArgumentException(
          "Invalid sizes: " + examples.size() + " examples, " + vectors.length + " vectors");
    }
    boolean[] labels = new boolean[examples.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = examples.get(i).request();
    }
    return new EmbeddingRequestSignal(
        VectorLogisticRegression.fit(vectors, labels, c), examples.size());
  }

  /**
   * The probability that the answer whose unit vector is {@code vector} asks for something.
   *
   * @param vector the answer's {@value #MODEL} vector ({@value SentenceEmbedder#DIMENSION} values,
   *     L2-normalised, as {@link SentenceEmbedder} and the theme run compute it)
   * @throws IllegalArgumentException when the vector has another length
   */
  public double probability(float[] vector) {
    return model.probability(vector);
  }

  /** The number of examples the signal was fitted on. */
  public int examples() {
    return examples;
  }
}
