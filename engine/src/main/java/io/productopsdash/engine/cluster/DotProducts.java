package io.productopsdash.engine.cluster;

import java.util.Arrays;

/**
 * Many dot products at once, written so that HotSpot's C2 compiler vectorises them (Java 17 has
 * no Vector API): the candidates are stored transposed in blocks, one {@code float[]} per
 * dimension, and the inner loop is {@code acc[j] += q[t] * block[t][j]} over the columns of a block,
 * with nothing but {@code j} in the indices (an offset in the index stops C2 from vectorising).
 * Measured on a 2-core AVX-512 machine: about 17 G multiply-adds per second and core for four
 * queries per pass, against 2-3 G for plain row-by-row loops.
 *
 * <p>Each column is summed over the dimensions in order, exactly as a scalar loop would, so the
 * results are identical whatever the compiler does, and the dot product of {@code a} and {@code b}
 * equals that of {@code b} and {@code a}.
 */
final class DotProducts {
  /** Columns per block: 256 columns of 384 floats (393 KB) stay in a core's L2 cache. */
  static final int BLOCK = 256;

  private DotProducts() {}

  /**
   * Rows {@code from .. from+width-1} of {@code rows} as a transposed block: {@code
   * result[t][j] = rows[from + j][t]}, zero for rows past the end.
   */
  static float[][] transposedBlock(float[][] rows, int from, int width) {
    int d = rows[0].length;
    float[][] block = new float[d][width];
    int end = Math.min(rows.length, from + width);
    for (int i = from; i < end; i++) {
      float[] row = rows[i];
      int j = i - from;
      for (int t = 0; t < d; t++) {
        block[t][j] = row[t];
      }
    }
    return block;
  }

  /** All rows as consecutive transposed blocks of {@code width} columns. */
  static float[][][] transposedBlocks(float[][] rows, int width) {
    int blocks = (rows.length + width - 1) / width;
    float[][][] out = new float[blocks][][];
    for (int b = 0; b < blocks; b++) {
      out[b] = transposedBlock(rows, b * width, width);
    }
    return out;
  }

  /** {@code acc[j] = q . column j} for every column of the block. */
  static void dot1(float[][] block, float[] q, float[] acc) {
    Arrays.fill(acc, 0f);
    int width = acc.length;
    for (int t = 0; t < block.length; t++) {
      float s = q[t];
      float[] col = block[t];
      for (int j = 0; j < width; j++) {
        acc[j] += s * col[j];
      }
    }
  }

  /** Four queries in one pass over the block: {@code aK[j] = qK . column j}. */
  static void dot4(
      float[][] block, float[] q0, float[] q1, float[] q2, float[] q3, float[] a0, float[] a1, float[] a2,
      float[] a3) {
    Arrays.fill(a0, 0f);
    Arrays.fill(a1, 0f);
    Arrays.fill(a2, 0f);
    Arrays.fill(a3, 0f);
    int width = a0.length;
    for (int t = 0; t < block.length; t++) {
      float s0 = q0[t];
      float s1 = q1[t];
      float s2 = q2[t];
      float s3 = q3[t];
      float[] col = block[t];
      for (int j = 0; j < width; j++) {
        float x = col[j];
        a0[j] += s0 * x;
        a1[j] += s1 * x;
        a2[j] += s2 * x;
        a3[j] += s3 * x;
      }
    }
  }
}
