package io.productopsdash.engine.cluster;

/** Checks and small operations on row vectors. */
final class Vectors {
  private Vectors() {}

  /**
   * Checks that {@code rows} is a non-empty matrix of finite values with rows of equal, non-zero
   * length; returns the number of rows.
   */
  static int checkMatrix(float[][] rows) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException("No vectors");
    }
    if (rows[0] == null || rows[0].length == 0) {
      throw new IllegalArgumentException("Vector 0 is empty");
    }
    int d = rows[0].length;
    for (int i = 0; i < rows.length; i++) {
      float[] row = rows[i];
      if (row == null || row.length != d) {
        throw new IllegalArgumentException(
            "Vector " + i + " has " + (row == null ? "no" : row.length) + " dimensions, vector 0 has " + d);
      }
      for (float f : row) {
        if (!Float.isFinite(f)) {
          throw new IllegalArgumentException("Vector " + i + " has a non-finite value: " + f);
        }
      }
    }
    return rows.length;
  }

  /** A copy of every row scaled to length 1 (zero rows stay zero). */
  static float[][] normalisedCopy(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
      normalise(out[i]);
    }
    return out;
  }

  static void normalise(float[] v) {
    double s = 0;
    for (float f : v) {
      s += (double) f * f;
    }
    if (s == 0) {
      return;
    }
    double norm = Math.sqrt(s);
    for (int j = 0; j < v.length; j++) {
      v[j] = (float) (v[j] / norm);
    }
  }

  static double squaredDistance(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      s += d * d;
    }
    return s;
  }

  static double squaredNorm(float[] a) {
    double s = 0;
    for (float f : a) {
      s += (double) f * f;
    }
    return s;
  }
}
