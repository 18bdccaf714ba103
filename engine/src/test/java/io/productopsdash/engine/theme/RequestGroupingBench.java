package io.productopsdash.engine.theme;

import io.productopsdash.engine.cluster.ClusteringMetrics;
import io.productopsdash.engine.search.SearchBenchData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * How well new feature requests are grouped ({@link RequestGrouping}), on Banking77 questions
 * standing in for a week's requests: each draw takes 12 intents with 1 to 15 questions each
 * (skewed towards few, like real asks), in random order, and scores the groups against the intents
 * (ARI, NMI, number of groups). Average linkage at several thresholds against the greedy leader
 * clustering the product used before (each answer joins the most similar running centroid when it
 * reaches 0.6, else starts a group), on the same draws. Run it on the train split to choose, on the
 * test split to report.
 *
 * <p>Arguments: {@code --csv PATH --cache FILE [--draws 40] [--seed 7]}.
 */
public final class RequestGroupingBench {
  private static final double[] THRESHOLDS = {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60};
  private static final double LEADER_THRESHOLD = 0.6;
  private static final int ASKS = 12;
  private static final int MAX_PER_ASK = 15;

  private RequestGroupingBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = SearchBenchData.options(args);
    Path csv = Path.of(opts.get("csv"));
    int draws = Integer.parseInt(opts.getOrDefault("draws", "40"));
    Random random = new Random(Long.parseLong(opts.getOrDefault("seed", "7")));
    List<SearchBenchData.Row> rows = SearchBenchData.read(csv);
    float[][] vectors = SearchBenchData.embeddings(rows, csv, Path.of(opts.get("cache")));
    Map<String, List<Integer>> byIntent = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byIntent.computeIfAbsent(rows.get(i).category(), k -> new ArrayList<>()).add(i);
    }
    List<String> intents = new ArrayList<>(byIntent.keySet());
    int methods = THRESHOLDS.length + 1;
    double[] ari = new double[methods];
    double[] nmi = new double[methods];
    double[] groups = new double[methods];
    int answers = 0;
    for (int d = 0; d < draws; d++) {
      Collections.shuffle(intents, random);
      List<Integer> picked = new ArrayList<>();
      List<Integer> intentOf = new ArrayList<>();
      for (int a = 0; a < ASKS; a++) {
        List<Integer> members = new ArrayList<>(byIntent.get(intents.get(a)));
        Collections.shuffle(members, random);
        int take = 1 + (int) (MAX_PER_ASK * Math.pow(random.nextDouble(), 2));
        for (int q = 0; q < take; q++) {
          picked.add(members.get(q));
          intentOf.add(a);
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < picked.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      float[][] x = new float[order.size()][];
      int[] truth = new int[order.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = vectors[picked.get(order.get(i))];
        truth[i] = intentOf.get(order.get(i));
      }
      answers += x.length;
      for (int t = 0; t < THRESHOLDS.length; t++) {
        RequestGrouping g = RequestGrouping.fit(x, THRESHOLDS[t]);
        int[] labels = new int[x.length];
        for (int q = 0; q < g.size(); q++) {
          for (int m : g.members(q)) {
            labels[m] = q;
          }
        }
        ari[t] += ClusteringMetrics.ari(truth, labels);
        nmi[t] += ClusteringMetrics.nmi(truth, labels);
        groups[t] += g.size();
      }
      int[] leader = leader(x);
      ari[methods - 1] += ClusteringMetrics.ari(truth, leader);
      nmi[methods - 1] += ClusteringMetrics.nmi(truth, leader);
      groups[methods - 1] += java.util.Arrays.stream(leader).max().getAsInt() + 1;
    }
    System.out.printf(
        Locale.ROOT, "%s: %d draws of %d asks, %.1f answers per draw on average (load %s)%n",
        csv.getFileName(), draws, ASKS, answers / (double) draws, SearchBenchData.loadAverage());
    System.out.printf(Locale.ROOT, "%-26s %6s %6s %7s%n", "method", "ARI", "NMI", "groups");
    for (int m = 0; m < methods; m++) {
      String name = m < THRESHOLDS.length
          ? String.format(Locale.ROOT, "average linkage %.2f", THRESHOLDS[m])
          : String.format(Locale.ROOT, "leader (before) %.2f", LEADER_THRESHOLD);
      System.out.printf(Locale.ROOT, "%-26s %6.3f %6.3f %7.1f%n", name, ari[m] / draws, nmi[m] / draws, groups[m] / draws);
    }
  }

  /** The greedy leader clustering the product used before, kept here as the baseline. */
  private static int[] leader(float[][] x) {
    List<float[]> sums = new ArrayList<>();
    int[] labels = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      float[] v = ThemeGeometry.unit(x[i]);
      int best = -1;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (int g = 0; g < sums.size(); g++) {
        double s = ThemeGeometry.cosine(v, sums.get(g));
        if (s > bestSim) {
          bestSim = s;
          best = g;
        }
      }
      if (best < 0 || bestSim < LEADER_THRESHOLD) {
        sums.add(new float[v.length]);
        best = sums.size() - 1;
      }
      float[] sum = sums.get(best);
      for (int t = 0; t < v.length; t++) {
        sum[t] += v[t];
      }
      labels[i] = best;
    }
    return labels;
  }
}
