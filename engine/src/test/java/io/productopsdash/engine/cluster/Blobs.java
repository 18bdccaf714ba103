package io.productopsdash.engine.cluster;

import java.util.Random;

/** Synthetic test data: Gaussian blobs around random unit centres, projected onto the sphere. */
final class Blobs {
  final float[][] vectors;
  final int[] labels;

  private Blobs(float[][] vectors, int[] labels) {
    this.vectors = vectors;
    this.labels = labels;
  }

  /**
   * {@code clusters} blobs of {@code size} points in {@code dim} dimensions; each point is its
   * centre plus Gaussian noise of standard deviation {@code noise} per coordinate, normalised.
   * Points are shuffled so that a blob's members are not consecutive.
   */
  static Blobs onSphere(int clusters, int size, int dim, double noise, long seed) {
    Random r = new Random(seed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int t = 0; t < dim; t++) {
        c[t] = (float) r.nextGaussian();
      }
      Vectors.normalise(c);
    }
    int n = clusters * size;
    float[][] x = new float[n][dim];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % clusters;
      for (int t = 0; t < dim; t++) {
        x[i][t] = (float) (centres[y[i]][t] + noise * r.nextGaussian());
      }
      Vectors.normalise(x[i]);
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      float[] tx = x[i];
      x[i] = x[j];
      x[j] = tx;
      int ty = y[i];
      y[i] = y[j];
      y[j] = ty;
    }
    return new Blobs(x, y);
  }

  /** {@code centre} plus Gaussian noise of standard deviation {@code noise} per coordinate, normalised. */
  static float[] jitter(float[] centre, double noise, Random r) {
    float[] out = new float[centre.length];
    for (int t = 0; t < out.length; t++) {
      out[t] = (float) (centre[t] + noise * r.nextGaussian());
    }
    Vectors.normalise(out);
    return out;
  }

  /** Random unit vectors (no structure). */
  static float[][] uniform(int n, int dim, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][dim];
    for (float[] row : x) {
      for (int t = 0; t < dim; t++) {
        row[t] = (float) r.nextGaussian();
      }
      Vectors.normalise(row);
    }
    return x;
  }
}
