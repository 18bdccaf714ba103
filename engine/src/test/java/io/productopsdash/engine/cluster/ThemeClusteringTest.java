package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThemeClusteringTest {
  private static final ClusteringOptions DEFAULTS = ClusteringOptions.defaults();

  /* The one-level method at a fixed resolution: what the mechanics below were written for. */
  private static final ClusteringOptions ONE_LEVEL = DEFAULTS.toBuilder().topLevel(false).referenceRows(0).build();

  @Test
  void findsTheNumberOfWellSeparatedBlobs() {
    Blobs blobs = Blobs.onSphere(8, 150, 32, 0.1, 19650218L);
    ThemeClustering themes = ThemeClustering.fit(blobs.vectors, DEFAULTS);
    assertThat(themes.k()).isEqualTo(8);
    assertThat(ClusteringMetrics.ari(blobs.labels, themes.assignments())).isGreaterThan(0.95);
    assertThat(Arrays.stream(themes.sizes()).sum()).isEqualTo(1200);
    assertThat(themes.graphCommunities()).isGreaterThanOrEqualTo(8);
    assertThat(themes.dissolvedBelow()).isEqualTo(6); // ceil(1200 / 200)
    assertThat(themes.hasSubThemes()).isFalse();
    // The fragment rule (one level): half the median community (150) is 75; no blob is that small.
    ThemeClustering oneLevel = ThemeClustering.fit(blobs.vectors, ONE_LEVEL);
    ThemeClustering withFragments = ThemeClustering.fit(blobs.vectors, ONE_LEVEL.withFragmentFraction(0.5));
    assertThat(withFragments.dissolvedBelow()).isEqualTo(75);
    assertThat(withFragments.assignments()).containsExactly(oneLevel.assignments());
    assertThat(ClusteringMetrics.ari(themes.assignments(), oneLevel.assignments())).isEqualTo(1.0);
  }

  @Test
  void modularityPruningUndoesTheSplitOfNoisyBlobs() {
    // Four wide blobs (noise 0.25 in 16 dimensions): without pruning the Lloyd iterations keep
    // themes that straddle two blobs, so more than 4 themes; pruning dissolves them to the 4 blobs.
    Blobs four = Blobs.onSphere(4, 100, 16, 0.25, 3);
    ThemeClustering off = ThemeClustering.fit(four.vectors, ONE_LEVEL.withModularityPruning(false));
    ThemeClustering on = ThemeClustering.fit(four.vectors, ONE_LEVEL);
    assertThat(off.k()).isGreaterThan(4);
    assertThat(on.k()).isEqualTo(4);
    assertThat(ClusteringMetrics.ari(four.labels, on.assignments()))
        .isGreaterThan(ClusteringMetrics.ari(four.labels, off.assignments()) + 0.1)
        .isGreaterThan(0.9);
    // Eight well-separated blobs: every theme is supported by the graph, nothing is dissolved.
    Blobs eight = Blobs.onSphere(8, 100, 16, 0.15, 1);
    assertThat(ThemeClustering.fit(eight.vectors, ONE_LEVEL).assignments())
        .containsExactly(ThemeClustering.fit(eight.vectors, ONE_LEVEL.withModularityPruning(false)).assignments());
  }

  @Test
  void themesAreNumberedLargestFirstWithUnitCentroids() {
    Blobs big = Blobs.onSphere(5, 60, 32, 0.1, 4);
    // Drop two thirds of blob 4 so that the sizes differ: 60, 60, 60, 60 and about 20.
    int[] keep = IntStream.range(0, 300).filter(i -> big.labels[i] != 4 || i % 3 == 0).toArray();
    float[][] x = Arrays.stream(keep).mapToObj(i -> big.vectors[i]).toArray(float[][]::new);
    int small = (int) Arrays.stream(keep).filter(i -> big.labels[i] == 4).count();
    ThemeClustering themes = ThemeClustering.fit(x, DEFAULTS);
    assertThat(themes.k()).isEqualTo(5);
    assertThat(themes.sizes()).containsExactly(60, 60, 60, 60, small);
    for (float[] c : themes.centroids()) {
      double norm = 0;
      for (float f : c) {
        norm += f * f;
      }
      assertThat(norm).isCloseTo(1, within(1e-5));
    }
    assertThat(themes.members(4)).hasSize(small);
    assertThatThrownBy(() -> themes.members(5)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  /**
   * A known limit of modularity: with very few themes, splitting one in two can raise modularity
   * even when it is one tight blob, so 3 blobs may come out as 4 themes. Pinned here so that a
   * change of behaviour is noticed.
   */
  @Test
  void fewBlobsMayBeSplit() {
    Blobs three = Blobs.onSphere(3, 60, 32, 0.1, 4);
    ThemeClustering themes = ThemeClustering.fit(three.vectors, DEFAULTS);
    assertThat(themes.k()).isBetween(3, 4);
    // Every theme still lies inside one blob.
    int[] a = themes.assignments();
    for (int t = 0; t < themes.k(); t++) {
      int finalT = t;
      assertThat(IntStream.range(0, a.length).filter(i -> a[i] == finalT).map(i -> three.labels[i]).distinct().count())
          .isEqualTo(1);
    }
  }

  @Test
  void sameSeedSameAssignmentsWhateverTheThreads() {
    Blobs blobs = Blobs.onSphere(10, 60, 16, 0.3, 9);
    ThemeClustering a = ThemeClustering.fit(blobs.vectors, DEFAULTS.withSeed(77));
    ThemeClustering b = ThemeClustering.fit(blobs.vectors, DEFAULTS.withSeed(77));
    ThemeClustering c = ThemeClustering.fit(blobs.vectors, DEFAULTS.withSeed(77).withThreads(1));
    assertThat(b.assignments()).containsExactly(a.assignments());
    assertThat(c.assignments()).containsExactly(a.assignments());
    assertThat(b.centroids()).isDeepEqualTo(a.centroids());
  }

  @Test
  void inputIsNormalisedAndNotModified() {
    Blobs blobs = Blobs.onSphere(4, 40, 32, 0.1, 2);
    float[][] scaled = new float[blobs.vectors.length][];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = blobs.vectors[i].clone();
      for (int t = 0; t < scaled[i].length; t++) {
        scaled[i][t] *= 1 + i % 7;
      }
    }
    float[][] copy = Arrays.stream(scaled).map(float[]::clone).toArray(float[][]::new);
    ThemeClustering themes = ThemeClustering.fit(scaled, DEFAULTS);
    assertThat(scaled).isDeepEqualTo(copy);
    assertThat(ClusteringMetrics.ari(blobs.labels, themes.assignments())).isGreaterThan(0.95);
  }

  @Test
  void fixedKCutsTheWardDendrogram() {
    Blobs blobs = Blobs.onSphere(8, 100, 32, 0.1, 3);
    ThemeClustering eight = ThemeClustering.fit(blobs.vectors, DEFAULTS.withFixedK(8));
    assertThat(eight.k()).isEqualTo(8);
    assertThat(eight.graphCommunities()).isZero();
    assertThat(eight.dissolvedBelow()).isZero();
    assertThat(ClusteringMetrics.ari(blobs.labels, eight.assignments())).isGreaterThan(0.95);
    assertThat(ThemeClustering.fit(blobs.vectors, DEFAULTS.withFixedK(3)).k()).isEqualTo(3);
    assertThatThrownBy(() -> ThemeClustering.fit(blobs.vectors, DEFAULTS.withFixedK(801)))
        .hasMessageContaining("Invalid number of clusters: 801");
  }

  /**
   * Six unit vectors at angles 0, 10, 20 degrees and 90, 100, 150 degrees: Ward merges the three
   * close ones first, then 90 with 100, and the last merge before two groups joins 150 to {90,
   * 100} (its distance to their mean is below the distance between the two triples), so k = 2
   * gives {0,10,20} and {90,100,150}, and k = 3 splits 150 off.
   */
  @Test
  void fixedKWardOnAHandSizedExample() {
    double[] degrees = {0, 10, 20, 90, 100, 150};
    float[][] x = new float[degrees.length][];
    for (int i = 0; i < x.length; i++) {
      double r = Math.toRadians(degrees[i]);
      x[i] = new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }
    int[] two = ThemeClustering.fit(x, DEFAULTS.withFixedK(2)).assignments();
    assertThat(two).containsExactly(0, 0, 0, 1, 1, 1);
    int[] three = ThemeClustering.fit(x, DEFAULTS.withFixedK(3)).assignments();
    assertThat(three).containsExactly(0, 0, 0, 1, 1, 2);
    assertThat(ThemeClustering.fit(x, DEFAULTS.withFixedK(1)).assignments()).containsOnly(0);
  }

  @Test
  void fixedKRefusesMoreRowsThanWardCanHold() {
    float[][] x = Blobs.uniform(ThemeClustering.FIXED_K_MAX_ROWS + 1, 2, 4);
    assertThatThrownBy(() -> ThemeClustering.fit(x, DEFAULTS.withFixedK(5)))
        .hasMessageContaining("at most 20000 texts")
        .hasMessageContaining("not 20001");
  }

  /**
   * 3 groups of 3 nearby blobs: with k = 3 the themes are the groups, the sub-themes mostly the
   * blobs. The graph step on a theme's members tends to cut one blob of 60 in two (sub-themes
   * found: 5, 3, 3), hence the lower bar on the combined ARI than for top-level themes.
   */
  @Test
  void subThemesSplitEachThemeAgain() {
    Random r = new Random(5);
    int dim = 32;
    int n = 9 * 60;
    float[][] x = new float[n][dim];
    int[] blob = new int[n];
    float[][] centres = new float[9][dim];
    for (int g = 0; g < 3; g++) {
      float[] group = Blobs.uniform(1, dim, 100 + g)[0];
      for (int s = 0; s < 3; s++) {
        for (int t = 0; t < dim; t++) {
          centres[g * 3 + s][t] = (float) (group[t] + 0.45 * r.nextGaussian() / Math.sqrt(dim));
        }
        Vectors.normalise(centres[g * 3 + s]);
      }
    }
    for (int i = 0; i < n; i++) {
      blob[i] = i % 9;
      for (int t = 0; t < dim; t++) {
        x[i][t] = (float) (centres[blob[i]][t] + 0.04 * r.nextGaussian());
      }
    }
    ThemeClustering themes = ThemeClustering.fit(x, DEFAULTS.withFixedK(3).withSubThemes(true));
    assertThat(themes.k()).isEqualTo(3);
    assertThat(themes.hasSubThemes()).isTrue();
    assertThat(themes.subThemes()).hasSize(3);
    int[] theme = themes.assignments();
    int[] sub = themes.subAssignments();
    int[] combined = new int[n];
    for (int i = 0; i < n; i++) {
      combined[i] = theme[i] * 100 + sub[i];
    }
    int[] group = new int[n];
    Arrays.setAll(group, i -> blob[i] / 3);
    assertThat(ClusteringMetrics.ari(group, theme)).isEqualTo(1.0);
    assertThat(ClusteringMetrics.ari(blob, combined)).isGreaterThan(0.9);
    for (int t = 0; t < 3; t++) {
      assertThat(themes.subThemes().get(t).k()).isBetween(3, 5);
      assertThat(themes.subThemes().get(t).assignments()).hasSize(themes.sizes()[t]);
    }
  }

  @Test
  void aSmallSampleRaisesTheResolutionSoSmallTopicsStayApart() {
    // 40 topics of 8 texts (320 rows): at resolution 1 the graph merges neighbouring small topics
    // (the resolution limit); the default raises it for a sample this small.
    Blobs many = Blobs.onSphere(40, 8, 32, 0.25, 7);
    ThemeClustering fixed = ThemeClustering.fit(many.vectors, ONE_LEVEL);
    ThemeClustering raised = ThemeClustering.fit(many.vectors, DEFAULTS);
    assertThat(DEFAULTS.resolutionFor(320)).isEqualTo(4.0);
    assertThat(DEFAULTS.resolutionFor(3000)).isEqualTo(2.0);
    assertThat(DEFAULTS.resolutionFor(20_000)).isEqualTo(1.0);
    assertThat(ClusteringMetrics.ari(many.labels, raised.assignments()))
        .isGreaterThan(ClusteringMetrics.ari(many.labels, fixed.assignments()));
    assertThat(raised.k()).isGreaterThan(fixed.k());
  }

  @Test
  void theTopLevelMergesThePartsOfBroadTopics() {
    // 3 broad topics, each made of 4 nearby sub-topics of 60: one level splits them, the top level
    // finds the 3 topics and keeps the sub-topics as sub-themes.
    Blobs centres = Blobs.onSphere(3, 1, 32, 0, 11);
    java.util.Random r = new java.util.Random(5);
    int n = 3 * 4 * 60;
    float[][] x = new float[n][];
    int[] topic = new int[n];
    int[] sub = new int[n];
    int i = 0;
    for (int t = 0; t < 3; t++) {
      for (int s = 0; s < 4; s++) {
        float[] centre = Blobs.jitter(centres.vectors[t], 0.05, r);
        for (int m = 0; m < 60; m++) {
          x[i] = Blobs.jitter(centre, 0.06, r);
          topic[i] = t;
          sub[i] = 4 * t + s;
          i++;
        }
      }
    }
    ThemeClustering oneLevel = ThemeClustering.fit(x, ONE_LEVEL);
    ThemeClustering twoLevels = ThemeClustering.fit(x, DEFAULTS.withSubThemes(true));
    assertThat(oneLevel.k()).isGreaterThan(3);
    assertThat(twoLevels.k()).isEqualTo(3);
    assertThat(ClusteringMetrics.ari(topic, twoLevels.assignments())).isGreaterThan(0.95);
    int[] combined = new int[n];
    int[] subOf = twoLevels.subAssignments();
    for (int k = 0; k < n; k++) {
      combined[k] = twoLevels.assignments()[k] * 100 + subOf[k];
    }
    assertThat(ClusteringMetrics.ari(sub, combined)).isGreaterThan(0.9);
  }

  @Test
  void smallThemesKeepOneSubTheme() {
    Blobs blobs = Blobs.onSphere(2, 6, 8, 0.1, 1); // themes of 6 < 2 * 5
    ThemeClustering themes = ThemeClustering.fit(blobs.vectors, DEFAULTS.withSubThemes(true));
    assertThat(themes.subThemes()).allSatisfy(s -> assertThat(s.k()).isEqualTo(1));
    assertThat(themes.subAssignments()).containsOnly(0);
  }

  @Test
  void tinyAndDegenerateInputs() {
    assertThat(ThemeClustering.fit(new float[][] {{1, 2}}, DEFAULTS).k()).isEqualTo(1);
    ThemeClustering three = ThemeClustering.fit(new float[][] {{1, 0}, {0.9f, 0.1f}, {0, 1}}, DEFAULTS);
    assertThat(three.assignments()).hasSize(3);
    float[][] same = new float[20][];
    Arrays.setAll(same, i -> new float[] {0.6f, 0.8f});
    assertThat(ThemeClustering.fit(same, DEFAULTS).k()).isEqualTo(1);
    assertThatThrownBy(() -> ThemeClustering.fit(new float[0][], DEFAULTS)).hasMessageContaining("No vectors");
  }
}
