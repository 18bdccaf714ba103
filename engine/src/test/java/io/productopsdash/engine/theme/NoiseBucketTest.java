package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ThemeGeometry#withoutNoise}: leave-one-out similarity, then the minimum theme size. */
class NoiseBucketTest {
  private static final float[] X = {1, 0, 0};
  private static final float[] NEAR_X = {0.9f, 0.4358899f, 0};
  private static final float[] Y = {0, 1, 0};
  private static final float[] Z = {0, 0, 1};

  @Test
  void anOffTopicMemberIsNoiseAndItsThemeKeepsTheRest() {
    float[][] vectors = {X, NEAR_X, X, Z};
    int[] out = ThemeGeometry.withoutNoise(vectors, new int[] {0, 0, 0, 0}, 1, 0.30, 3);
    assertThat(out).containsExactly(0, 0, 0, -1);
  }

  @Test
  void aThemeOfUnrelatedOneOffsIsNoiseThoughItsOwnCentroidIsClose() {
    // Three orthogonal vectors: each has cosine 0.58 to the centroid of all three, 0 to the other two.
    float[][] vectors = {X, Y, Z, X, NEAR_X, X};
    int[] out = ThemeGeometry.withoutNoise(vectors, new int[] {1, 1, 1, 0, 0, 0}, 2, 0.30, 3);
    assertThat(out).containsExactly(-1, -1, -1, 0, 0, 0);
  }

  @Test
  void aThemeBelowTheMinimumSizeIsDissolvedAndTheOthersRenumbered() {
    float[][] vectors = {X, X, Y, Y, Y, Z, Z, Z};
    int[] out = ThemeGeometry.withoutNoise(vectors, new int[] {0, 0, 1, 1, 1, 2, 2, 2}, 3, 0.30, 3);
    assertThat(out).containsExactly(-1, -1, 0, 0, 0, 1, 1, 1);
    assertThat(ThemeGeometry.withoutNoise(new float[][] {X, Y}, new int[] {0, 0}, 1, -1, 1)).containsExactly(0, 0);
    assertThat(ThemeGeometry.withoutNoise(new float[][] {X}, new int[] {0}, 1, -1, 1)).containsExactly(0);
  }
}
