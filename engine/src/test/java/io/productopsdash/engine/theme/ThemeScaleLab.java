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
 * {@code VECTORS N}. With {@code VECTORS N assign THEMES}: the assign stage alone, {@link
 * ExemplarVote} of the last N rows against THEMES existing themes of 200 exemplars each (the
 * memory's cap), made by k-means of the rows before them.
 */
public final class ThemeScaleLab {
  private ThemeScaleLab() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[1]);
    if (args.length > 3 && args[2].equals("assign")) {
      assign(args[0], n, Integer.parseInt(args[3]));
      return;
    }
    firstWeek(read(args[0], n));
  }

  private static float[][] read(String path, int n) throws Exception {
    float[][] x;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(path))))) {
      int rows = Math.min(in.readInt(), n);
      int d = in.readInt();
      x = new float[rows][d];
      for (float[] row : x) {
        for (int t = 0; t < d; t++) {
          row[t] = in.readFloat();
        }
      }
    }
    return x;
  }

  private static void firstWeek(float[][] x) {
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

  private static void assign(String path, int n, int themes) throws Exception {
    int exemplarRows = themes * 200;
    float[][] all = read(path, exemplarRows + n);
    float[][] history = Arrays.copyOfRange(all, 0, Math.min(exemplarRows, all.length - n));
    float[][] week = Arrays.copyOfRange(all, history.length, all.length);
    float[][] start = new float[themes][];
    for (int t = 0; t < themes; t++) {
      start[t] = history[(int) ((long) t * history.length / themes)];
    }
    long t0 = System.nanoTime();
    int[] labels = io.productopsdash.engine.cluster.KMeans.lloyd(history, start, 10, 2).assignments();
    double kmeansSeconds = (System.nanoTime() - t0) / 1e9;
    long[] exemplarThemes = new long[history.length];
    for (int i = 0; i < history.length; i++) {
      exemplarThemes[i] = labels[i] + 1;
    }
    long t1 = System.nanoTime();
    ExemplarVote vote = ExemplarVote.fit(week, history, exemplarThemes, ExemplarVote.Options.defaults());
    double voteSeconds = (System.nanoTime() - t1) / 1e9;
    int assigned = 0;
    for (long t : vote.themes()) {
      assigned += t >= 0 ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "assign-lab: answers=%d themes=%d exemplars=%d assigned=%d vote_s=%.1f (k-means of the history %.1f s)%n",
        week.length, themes, history.length, assigned, voteSeconds, kmeansSeconds);
  }
}
