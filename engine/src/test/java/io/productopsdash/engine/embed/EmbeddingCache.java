package io.productopsdash.engine.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * all-MiniLM-L6-v2 embeddings of a benchmark's texts, computed once on 2 threads and cached in a
 * file beside the build (the model is the slow part and not what the benchmarks measure). The
 * file holds the size of the source file as a stamp, the count, the dimension and the floats.
 */
public final class EmbeddingCache {
  private EmbeddingCache() {}

  /**
   * The embeddings of {@code texts} (read from {@code source}), from {@code cache} when it holds
   * exactly as many vectors of {@link SentenceEmbedder#DIMENSION} for a source of the same size,
   * else computed and written there.
   */
  public static float[][] embeddings(List<String> texts, Path source, Path cache) throws IOException {
    long stamp = Files.size(source);
    if (Files.isRegularFile(cache)) {
      try (InputStream raw = Files.newInputStream(cache);
          DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
        long cachedStamp = in.readLong();
        int n = in.readInt();
        int dim = in.readInt();
        if (cachedStamp == stamp && n == texts.size() && dim == SentenceEmbedder.DIMENSION) {
          float[][] out = new float[n][dim];
          for (float[] v : out) {
            for (int j = 0; j < dim; j++) {
              v[j] = in.readFloat();
            }
          }
          return out;
        }
      }
    }
    long t0 = System.nanoTime();
    float[][] out = SentenceEmbedder.shared().embedAll(texts, 2, SentenceEmbedder.Progress.NONE);
    System.out.printf(Locale.ROOT, "(embedded %,d texts of %s in %.1f s; cached in %s)%n", texts.size(),
        source.getFileName(), (System.nanoTime() - t0) / 1e9, cache);
    Files.createDirectories(cache.toAbsolutePath().getParent());
    try (OutputStream raw = Files.newOutputStream(cache);
        DataOutputStream o = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
      o.writeLong(stamp);
      o.writeInt(out.length);
      o.writeInt(SentenceEmbedder.DIMENSION);
      for (float[] v : out) {
        for (float f : v) {
          o.writeFloat(f);
        }
      }
    }
    return out;
  }
}
