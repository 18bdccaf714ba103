package io.productopsdash.engine.cluster;

import io.productopsdash.engine.parallel.Parallel;

import java.util.Arrays;

/**
 * Lloyd's k-means iterations (squared Euclidean distance) from given centroids: the refinement step
 * of {@link ThemeClustering}, which starts from the centroids of its graph communities. (Smile's
 * {@code KMeans} always seeds itself with k-means++, so it cannot continue from a given partition;
 * it is also about 30 times slower on 384-dimensional vectors, whose BBD-tree pruning does little.)
 *
 * <p>Distances are computed as {@code |c|^2 - 2 x.c} with the vectorised dot products of {@link
 * DotProducts}; the assignment step runs on a few threads, each point independently, and the
 * centroid update sums in point order, so the result does not depend on the number of threads. An
 * empty cluster is moved to the point farthest from its centroid.
 */
public final class KMeans {
  private final int[] assignments;
  private final float[][] centroids;
  private final double inertia;
  private final int iterations;

  private KMeans(int[] assignments, float[][] centroids, double inertia, int iterations) {
    this.assignments = assignments;
    this.centroids = centroids;
    this.inertia = inertia;
    this.iterations = iterations;
  }

  /**
   * Lloyd's iterations from the given centroids until no point changes cluster (or {@code
   * maxIterations}).
   */
  public static KMeans lloyd(float[][] x, float[][] initialCentroids, int maxIterations, int threads) {
    int n = Vectors.checkMatrix(x);
    Vectors.checkMatrix(initialCentroids);
    if (initialCentroids[0].length != x[0].length) {
      throw new IllegalArgumentException(
          "Centroids have " + initialCentroids[0].length + " dimensions, vectors " + x[0].length);
    }
    checkIterationsAndThreads(maxIterations, threads);
    int d = x[0].length;
    int k = initialCentroids.length;
    float[][] c = new float[k][];
    for (int j = 0; j < k; j++) {
      c[j] = initialCentroids[j].clone();
    }
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    double[] dist = new double[n];
    float[] norms = new float[n];
    for (int i = 0; i < n; i++) {
      norms[i] = (float) Vectors.squaredNorm(x[i]);
    }
    int it = 0;
    while (it < maxIterations) {
      it++;
      int changed = assign(x, norms, c, labels, dist, threads);
      double[][] sums = new double[k][d];
      int[] counts = new int[k];
      for (int i = 0; i < n; i++) {
        counts[labels[i]]++;
        double[] s = sums[labels[i]];
        float[] xi = x[i];
        for (int t = 0; t < d; t++) {
          s[t] += xi[t];
        }
      }
      for (int j = 0; j < k; j++) {
        if (counts[j] == 0) {
          int far = 0;
          for (int i = 1; i < n; i++) {
            if (dist[i] > dist[far]) {
              far = i;
            }
          }
          c[j] = x[far].clone();
          dist[far] = 0;
        } else {
          for (int t = 0; t < d; t++) {
            c[j][t] = (float) (sums[j][t] / counts[j]);
          }
        }
      }
      if (changed == 0) {
        break;
      }
    }
    double inertia = 0;
    for (int i = 0; i < n; i++) {
      inertia += Vectors.squaredDistance(x[i], c[labels[i]]);
    }
    return new KMeans(labels, c, inertia, it);
  }

  private static void checkIterationsAndThreads(int maxIterations, int threads) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("Invalid number of iterations: " + maxIterations);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid number of threads: " + threads);
    }
  }

  /**
   * Assigns every point to its nearest centroid; {@code dist[i]} gets {@code |x_i - c|^2}.
   * Returns how many points changed cluster.
   */
  private static int assign(float[][] x, float[] norms, float[][] c, int[] labels, double[] dist, int threads) {
    int n = x.length;
    int[] nearest = new int[n];
    float[] best = new float[n];
    nearest(x, c, null, threads, nearest, best);
    int changed = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] != nearest[i]) {
        labels[i] = nearest[i];
        changed++;
      }
      dist[i] = Math.max(0, norms[i] + best[i]);
    }
    return changed;
  }

  /**
   * For every row, the nearest centroid (squared Euclidean distance, as {@code |c|^2 - 2 x.c} with
   * the vectorised dot products) other than {@code labels[i]}; ties: the lower centroid. The fast
   * form of the same rule in {@link Refinement} for large inputs.
   */
  static int[] nearestOther(float[][] x, int[] labels, float[][] c, int threads) {
    int[] out = new int[x.length];
    if (c.length < 2) {
      Arrays.fill(out, -1);
      return out;
    }
    nearest(x, c, labels, threads, out, new float[x.length]);
    return out;
  }

  /*
   * The nearest centroid of every row by |c|^2 - 2 x.c (ties: the lower centroid), skipping
   * exclude[i] when exclude is not null: nearest[i] gets its index, best[i] the value. Rows run in
   * chunks on a few threads, each writing only its own slots.
   */
  private static void nearest(float[][] x, float[][] c, int[] exclude, int threads, int[] nearest, float[] best) {
    int n = x.length;
    int k = c.length;
    int width = Math.min(DotProducts.BLOCK, (k + 15) / 16 * 16);
    float[][][] blocks = DotProducts.transposedBlocks(c, width);
    float[] cNorm = new float[blocks.length * width];
    for (int j = 0; j < k; j++) {
      cNorm[j] = (float) Vectors.squaredNorm(c[j]);
    }
    int chunk = 256;
    int chunks = (n + chunk - 1) / chunk;
    Parallel.forEach(threads, chunks, ch -> {
      float[][] acc = new float[4][width];
      int from = ch * chunk;
      int to = Math.min(n, from + chunk);
      float[] bestValue = new float[4];
      int[] bestIndex = new int[4];
      for (int i0 = from; i0 < to; i0 += 4) {
        int rows = Math.min(4, to - i0);
        Arrays.fill(bestValue, Float.POSITIVE_INFINITY);
        Arrays.fill(bestIndex, -1);
        for (int b = 0; b < blocks.length; b++) {
          DotProducts.dot4(
              blocks[b], x[i0], x[i0 + Math.min(1, rows - 1)], x[i0 + Math.min(2, rows - 1)],
              x[i0 + Math.min(3, rows - 1)], acc[0], acc[1], acc[2], acc[3]);
          int columns = Math.min(width, k - b * width);
          for (int q = 0; q < rows; q++) {
            float[] a = acc[q];
            int skip = exclude == null ? -1 : exclude[i0 + q];
            for (int j = 0; j < columns; j++) {
              int index = b * width + j;
              float v = cNorm[index] - 2 * a[j];
              if (v < bestValue[q] && index != skip) {
                bestValue[q] = v;
                bestIndex[q] = index;
              }
            }
          }
        }
        for (int q = 0; q < rows; q++) {
          nearest[i0 + q] = bestIndex[q];
          best[i0 + q] = bestValue[q];
        }
      }
    });
  }

  /** Cluster of every row, 0..k-1 (a copy). */
  public int[] assignments() {
    return assignments.clone();
  }

  /** Number of clusters asked for. */
  public int k() {
    return centroids.length;
  }

  /** The centroids (a copy). */
  public float[][] centroids() {
    float[][] out = new float[centroids.length][];
    for (int j = 0; j < out.length; j++) {
      out[j] = centroids[j].clone();
    }
    return out;
  }

  /** Sum of squared distances of the points to their centroids. */
  public double inertia() {
    return inertia;
  }

  /** Lloyd iterations run (in the kept restart). */
  public int iterations() {
    return iterations;
  }
}
