package io.productopsdash.engine.theme;

import io.productopsdash.engine.cluster.ClusteringOptions;
import io.productopsdash.engine.cluster.ThemeClustering;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Development harness (not a test, not a benchmark of record): times the clustering stages of a
 * first week on cached MiniLM vectors ({@code KnnRecallBench}'s {@code .vectors} files): the new
 * themes (as {@link CandidateThemes} clusters the pool), then the review of the result. Arguments:
 * {@code VECTORS N}.
 */
public final class ThemeScaleLab {
  private ThemeScaleLab() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[1]);
    float[][] x;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
      int rows = Math.min(in.readInt(), n);
      int d = in.readInt();
      x = new float[rows][d];
      for (float[] row : x) {
        for (int t = 0; t < d; t++) {
          row[t] = in.readFloat();
        }
      }
    }
    boolean[] fresh = new boolean[x.length];
    Arrays.fill(fresh, true);
    long t0 = System.nanoTime();
    CandidateThemes candidates = CandidateThemes.fit(x, fresh, CandidateThemes.Options.defaults());
    double clusterSeconds = (System.nanoTime() - t0) / 1e9;
    long[] themes = new long[x.length];
    int k = 0;
    for (CandidateThemes.Candidate c : candidates.candidates()) {
      k++;
      for (int m : c.members()) {
        themes[m] = k;
      }
    }
    int themed = 0;
    for (long t : themes) {
      themed += t > 0 ? 1 : 0;
    }
    float[][] rows = new float[themed][];
    long[] rowThemes = new long[themed];
    int r = 0;
    for (int i = 0; i < x.length; i++) {
      if (themes[i] > 0) {
        rows[r] = x[i];
        rowThemes[r++] = themes[i];
      }
    }
    long t1 = System.nanoTime();
    ThemeReview review = ThemeReview.of(rows, rowThemes, new boolean[themed], ThemeReview.Options.defaults());
    double reviewSeconds = (System.nanoTime() - t1) / 1e9;
    long t2 = System.nanoTime();
    ThemeClustering plain = ThemeClustering.fit(x, ClusteringOptions.defaults());
    double plainSeconds = (System.nanoTime() - t2) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "scale-lab: n=%d candidates=%d themed=%d cluster_s=%.1f review_s=%.1f merges=%d splits=%d plain_k=%d plain_s=%.1f%n",
        x.length, k, themed, clusterSeconds, reviewSeconds, review.merges().size(), review.splits().size(), plain.k(), plainSeconds);
  }
}
