package io.productopsdash.engine.cluster;

import io.productopsdash.engine.parallel.Parallel;

import java.util.Arrays;
import java.util.Random;

/**
 * k-means (Lloyd's iterations, squared Euclidean distance) seeded with greedy k-means++ (Arthur
 * and Vassilvitskii 2007; {@code 2 + ln k} candidates per centre, the one that lowers the
 * potential most is kept, as in scikit-learn), the best of several restarts by inertia.
 *
 * <p>Distances are computed as {@code |c|^2 - 2 x.c} with the vectorised dot products of {@link
 * DotProducts}; the assignment step runs on a few threads, each point independently, and the
 * centroid update sums in point order, so the result depends on the seed only. An empty cluster
 * is moved to the point farthest from its centroid.
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
   * Clusters {@code x} into {@code k} clusters: {@code restarts} runs of k-means++ then Lloyd, the
   * one of lowest inertia kept.
   *
   * @param k clusters, between 1 and the number of rows
   * @param restarts runs, 1 or more
   * @param maxIterations Lloyd iterations per run at most, 1 or more
   * @param threads worker threads, 1 or more
   */
  public static KMeans fit(float[][] x, int k, int restarts, int maxIterations, long seed, int threads) {
    int n = Vectors.checkMatrix(x);
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("Invalid number of clusters: " + k + " (for " + n + " vectors)");
    }
    if (restarts < 1) {
      throw new IllegalArgumentException("Invalid number of restarts: " + restarts);
    }
    checkIterationsAndThreads(maxIterations, threads);
    float[][][] blocks = DotProducts.transposedBlocks(x, DotProducts.BLOCK);
    Random master = new Random(seed);
    KMeans best = null;
    for (int r = 0; r < restarts; r++) {
      float[][] init = plusPlus(x, blocks, k, new Random(master.nextLong()), threads);
      KMeans m = lloyd(x, init, maxIterations, threads);
      if (best == null || m.inertia < best.inertia) {
        best = m;
      }
    }
    return best;
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
    int k = c.length;
    int width = Math.min(DotProducts.BLOCK, (k + 15) / 16 * 16);
    float[][][] blocks = DotProducts.transposedBlocks(c, width);
    float[] cNorm = new float[blocks.length * width];
    for (int j = 0; j < k; j++) {
      cNorm[j] = (float) Vectors.squaredNorm(c[j]);
    }
    int chunk = 256;
    int chunks = (n + chunk - 1) / chunk;
    int[] changed = new int[chunks];
    Parallel.forEach(threads, chunks, ch -> {
      float[][] acc = new float[4][width];
      int from = ch * chunk;
      int to = Math.min(n, from + chunk);
      float[] best = new float[4];
      int[] bestIndex = new int[4];
      for (int i0 = from; i0 < to; i0 += 4) {
        int rows = Math.min(4, to - i0);
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        Arrays.fill(bestIndex, -1);
        for (int b = 0; b < blocks.length; b++) {
          DotProducts.dot4(
              blocks[b], x[i0], x[i0 + Math.min(1, rows - 1)], x[i0 + Math.min(2, rows - 1)],
              x[i0 + Math.min(3, rows - 1)], acc[0], acc[1], acc[2], acc[3]);
          int columns = Math.min(width, k - b * width);
          for (int q = 0; q < rows; q++) {
            float[] a = acc[q];
            for (int j = 0; j < columns; j++) {
              float v = cNorm[b * width + j] - 2 * a[j];
              if (v < best[q]) {
                best[q] = v;
                bestIndex[q] = b * width + j;
              }
            }
          }
        }
        for (int q = 0; q < rows; q++) {
          int i = i0 + q;
          if (labels[i] != bestIndex[q]) {
            labels[i] = bestIndex[q];
            changed[ch]++;
          }
          dist[i] = Math.max(0, norms[i] + best[q]);
        }
      }
    });
    int total = 0;
    for (int v : changed) {
      total += v;
    }
    return total;
  }

  /** Greedy k-means++ seeding. */
  private static float[][] plusPlus(float[][] x, float[][][] blocks, int k, Random random, int threads) {
    int n = x.length;
    float[] norms = new float[n];
    for (int i = 0; i < n; i++) {
      norms[i] = (float) Vectors.squaredNorm(x[i]);
    }
    float[][] centres = new float[k][];
    int first = random.nextInt(n);
    centres[0] = x[first].clone();
    double[] closest = distancesTo(x, blocks, norms, new int[] {first}, threads)[0];
    int trials = 2 + (int) Math.log(k);
    for (int ci = 1; ci < k; ci++) {
      double total = 0;
      for (double v : closest) {
        total += v;
      }
      int[] candidates = new int[trials];
      for (int t = 0; t < trials; t++) {
        double r = random.nextDouble() * total;
        int idx = 0;
        for (; idx < n - 1; idx++) {
          r -= closest[idx];
          if (r <= 0) {
            break;
          }
        }
        candidates[t] = idx;
      }
      double[][] d = distancesTo(x, blocks, norms, candidates, threads);
      double bestPotential = Double.POSITIVE_INFINITY;
      int bestTrial = -1;
      for (int t = 0; t < trials; t++) {
        double potential = 0;
        for (int i = 0; i < n; i++) {
          d[t][i] = Math.min(closest[i], d[t][i]);
          potential += d[t][i];
        }
        if (potential < bestPotential) {
          bestPotential = potential;
          bestTrial = t;
        }
      }
      centres[ci] = x[candidates[bestTrial]].clone();
      closest = d[bestTrial];
    }
    return centres;
  }

  /** Squared distances of every point to each of the given points. */
  private static double[][] distancesTo(float[][] x, float[][][] blocks, float[] norms, int[] points, int threads) {
    int n = x.length;
    int width = DotProducts.BLOCK;
    double[][] out = new double[points.length][n];
    int groups = (points.length + 3) / 4;
    Parallel.forEach(threads, blocks.length * groups, task -> {
      int b = task / groups;
      int g = task % groups;
      float[][] acc = new float[4][width];
      int p0 = g * 4;
      int rows = Math.min(4, points.length - p0);
      DotProducts.dot4(
          blocks[b], x[points[p0]], x[points[p0 + Math.min(1, rows - 1)]], x[points[p0 + Math.min(2, rows - 1)]],
          x[points[p0 + Math.min(3, rows - 1)]], acc[0], acc[1], acc[2], acc[3]);
      int columns = Math.min(width, n - b * width);
      for (int q = 0; q < rows; q++) {
        float cn = norms[points[p0 + q]];
        double[] o = out[p0 + q];
        for (int j = 0; j < columns; j++) {
          int i = b * width + j;
          o[i] = Math.max(0, norms[i] + cn - 2 * acc[q][j]);
        }
      }
    });
    return out;
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
