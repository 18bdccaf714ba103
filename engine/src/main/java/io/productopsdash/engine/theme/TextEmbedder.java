package io.productopsdash.engine.theme;

import io.productopsdash.engine.embed.SentenceEmbedder;
import java.util.List;

/** Texts to vectors for {@link WeeklyThemeRun}; the stored vectors are tagged with {@link #model()}. */
public interface TextEmbedder {
  /** The name stored beside each vector; vectors of another model are recomputed. */
  String model();

  /** One vector per text, in order. */
  float[][] embed(List<String> texts);

  /** all-MiniLM-L6-v2 through {@link SentenceEmbedder#shared()}, loaded on first use. */
  static TextEmbedder miniLm(int threads) {
    return new TextEmbedder() {
      @Override
      public String model() {
        return "all-MiniLM-L6-v2";
      }

      @Override
      public float[][] embed(List<String> texts) {
        return SentenceEmbedder.shared().embedAll(texts, threads, SentenceEmbedder.Progress.NONE);
      }
    };
  }
}
