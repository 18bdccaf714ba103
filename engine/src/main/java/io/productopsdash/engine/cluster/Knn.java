package io.productopsdash.engine.cluster;

import io.productopsdash.engine.parallel.Parallel;

import java.util.Arrays;

/**
 * Exact k nearest neighbours by cosine similarity (the dot product of unit vectors), each point's
 * own row excluded. Brute force over all pairs, but fast: the candidates are kept transposed in
 * blocks that the JIT vectorises ({@link DotProducts}), a chunk of 64 queries passes over each block
 * while it is in cache, and the chunks run on a few threads. Only the n x k result is kept, never
 * the n x n similarities. 10,000 vectors of 384 dimensions take about 2 s on 2 cores.
 *
 * <p>Neighbours are sorted by decreasing similarity; equal similarities by increasing index. The
 * result does not depend on the number of threads.
 */
public final class Knn {
  private static final int CHUNK = 64;

  private final int n;
  private final int k;
  private final int[] indices;
  private final float[] similarities;

  private Knn(int n, int k, int[] indices, float[] similarities) {
    this.n = n;
    this.k = k;
    this.indices = indices;
    this.similarities = similarities;
  }

  /**
   * Finds the {@code k} nearest neighbours of every row.
   *
   * @param vectors unit-length rows of equal dimension (not checked for length: with other rows
   *     the ranking is by dot product)
   * @param k neighbours per row, between 1 and {@code vectors.length - 1}
   * @param threads worker threads, 1 or more
   */
  public static Knn fit(float[][] vectors, int k, int threads) {
    int n = Vectors.checkMatrix(vectors);
    if (k < 1 || k > n - 1) {
      throw new IllegalArgumentException(
          "Invalid number of neighbours: " + k + " (for " + n + " vectors it must be between 1 and " + (n - 1) + ")");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid number of threads: " + threads);
    }
    return search(vectors, vectors, k, threads, true);
  }

  /**
   * Finds, for every row of {@code queries}, its {@code k} nearest rows of {@code references} (row
   * {@code i} of the result is query {@code i}; neighbour indices are rows of {@code references}).
   *
   * @param queries unit-length rows
   * @param references unit-length rows of the same dimension
   * @param k neighbours per query, between 1 and {@code references.length}
   * @param threads worker threads, 1 or more
   */
  public static Knn query(float[][] queries, float[][] references, int k, int threads) {
    int m = Vectors.checkMatrix(references);
    Vectors.checkMatrix(queries);
    if (queries[0].length != references[0].length) {
      throw new IllegalArgumentException(
          "Invalid query dimension: " + queries[0].length + " (references have " + references[0].length + ")");
    }
    if (k < 1 || k > m) {
      throw new IllegalArgumentException(
          "Invalid number of neighbours: " + k + " (for " + m + " references it must be between 1 and " + m + ")");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid number of threads: " + threads);
    }
    return search(queries, references, k, threads, false);
  }

  private static Knn search(float[][] queries, float[][] references, int k, int threads, boolean self) {
    int n = queries.length;
    float[][][] blocks = DotProducts.transposedBlocks(references, DotProducts.BLOCK);
    int[] indices = new int[n * k];
    float[] sims = new float[n * k];
    int chunks = (n + CHUNK - 1) / CHUNK;
    Parallel.forEach(
        threads,
        chunks,
        c -> searchChunk(queries, references.length, blocks, k, c * CHUNK, Math.min(n, (c + 1) * CHUNK), self, indices, sims));
    return new Knn(n, k, indices, sims);
  }

  private static void searchChunk(
      float[][] x, int n, float[][][] blocks, int k, int from, int to, boolean self, int[] indices, float[] sims) {
    int rows = to - from;
    float[][] best = new float[rows][k];
    int[][] bestIndex = new int[rows][k];
    for (int r = 0; r < rows; r++) {
      Arrays.fill(best[r], Float.NEGATIVE_INFINITY);
      Arrays.fill(bestIndex[r], -1);
    }
    int width = DotProducts.BLOCK;
    float[][] acc = new float[4][width];
    for (int b = 0; b < blocks.length; b++) {
      int base = b * width;
      int columns = Math.min(width, n - base);
      for (int r = 0; r < rows; r += 4) {
        // A short last group repeats its last row; the repeats are not offered.
        int i0 = from + r;
        int i1 = Math.min(to - 1, i0 + 1);
        int i2 = Math.min(to - 1, i0 + 2);
        int i3 = Math.min(to - 1, i0 + 3);
        DotProducts.dot4(blocks[b], x[i0], x[i1], x[i2], x[i3], acc[0], acc[1], acc[2], acc[3]);
        for (int q = 0; q < 4 && r + q < rows; q++) {
          offer(acc[q], columns, base, self ? i0 + q : -1, best[r + q], bestIndex[r + q]);
        }
      }
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(bestIndex[r], 0, indices, (from + r) * k, k);
      System.arraycopy(best[r], 0, sims, (from + r) * k, k);
    }
  }

  /** Inserts the columns that beat the current k-th best into a list sorted by decreasing value. */
  private static void offer(float[] acc, int columns, int base, int self, float[] best, int[] bestIndex) {
    int k = best.length;
    float threshold = best[k - 1];
    for (int j = 0; j < columns; j++) {
      float s = acc[j];
      if (s > threshold && base + j != self) {
        int p = k - 1;
        while (p > 0 && best[p - 1] < s) {
          best[p] = best[p - 1];
          bestIndex[p] = bestIndex[p - 1];
          p--;
        }
        best[p] = s;
        bestIndex[p] = base + j;
        threshold = best[k - 1];
      }
    }
  }

  /** Number of rows. */
  public int size() {
    return n;
  }

  /** Neighbours per row. */
  public int k() {
    return k;
  }

  /** The {@code rank}-th nearest neighbour of row {@code i} (rank 0 is the nearest). */
  public int neighbour(int i, int rank) {
    checkRank(rank);
    return indices[i * k + rank];
  }

  /** Cosine similarity of row {@code i} and its {@code rank}-th nearest neighbour. */
  public float similarity(int i, int rank) {
    checkRank(rank);
    return similarities[i * k + rank];
  }

  /** The neighbours of row {@code i}, nearest first (a copy). */
  public int[] neighbours(int i) {
    return Arrays.copyOfRange(indices, i * k, (i + 1) * k);
  }

  private void checkRank(int rank) {
    if (rank < 0 || rank >= k) {
      throw new IndexOutOfBoundsException("Invalid neighbour rank: " + rank + " (k = " + k + ")");
    }
  }
}
