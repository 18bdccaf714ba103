package io.productopsdash.engine.theme;

import io.productopsdash.models.Answer;
import java.util.ArrayList;
import java.util.List;

/**
 * Vector arithmetic of themes over unit sentence embeddings: the noise bucket of a clustering,
 * centroids, and representative quotes (central and diverse). Shared by the weekly theme run and
 * its sub-themes.
 */
final class ThemeGeometry {
  private ThemeGeometry() {}

  /**
   * The clustering's assignments with noise marked -1 and the remaining themes renumbered 0..k-1
   * in the order of their cluster index: first each answer whose cosine similarity to the (unit)
   * sum of the other members of its cluster is below {@code noiseSimilarity} (a member alone in its
   * cluster has no others and is noise), then every member of a cluster left with fewer than {@code
   * minThemeSize} answers. {@code vectors} are unit vectors.
   */
  static int[] withoutNoise(float[][] vectors, int[] clusters, int k, double noiseSimilarity, int minThemeSize) {
    return withoutNoise(vectors, clusters, k, noiseSimilarity, 0, minThemeSize);
  }

  /**
   * As {@link #withoutNoise(float[][], int[], int, double, int)}, with the similarity threshold
   * {@code min(noiseSimilarity, relative * median)} where the median is over every member's
   * similarity to the rest of its cluster: how alike texts are differs between data sets (short
   * question titles are less alike than chat questions), so a fixed threshold that suits one
   * marks a quarter of another as noise. {@code relative} 0 keeps the fixed threshold.
   */
  static int[] withoutNoise(
      float[][] vectors, int[] clusters, int k, double noiseSimilarity, double relative, int minThemeSize) {
    int n = clusters.length;
    int dim = n == 0 ? 0 : vectors[0].length;
    double[][] sums = new double[k][dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        sums[clusters[i]][d] += vectors[i][d];
      }
    }
    boolean[] noise = new boolean[n];
    int[] keptSize = new int[k];
    double[] similarity = new double[n];
    List<Double> observed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] s = sums[clusters[i]];
      double dot = 0;
      double norm = 0;
      for (int d = 0; d < dim; d++) {
        double other = s[d] - vectors[i][d];
        dot += other * vectors[i][d];
        norm += other * other;
      }
      similarity[i] = norm > 1e-12 ? dot / Math.sqrt(norm) : -1;
      if (norm > 1e-12) {
        observed.add(similarity[i]);
      }
    }
    double threshold = noiseSimilarity;
    if (relative > 0 && !observed.isEmpty()) {
      double[] values = observed.stream().mapToDouble(Double::doubleValue).toArray();
      threshold = Math.min(noiseSimilarity, relative * ExemplarVote.quantile(values, 0.5));
    }
    for (int i = 0; i < n; i++) {
      noise[i] = similarity[i] < threshold;
      if (!noise[i]) {
        keptSize[clusters[i]]++;
      }
    }
    int[] renumber = new int[k];
    int next = 0;
    for (int t = 0; t < k; t++) {
      renumber[t] = keptSize[t] >= minThemeSize && keptSize[t] > 0 ? next++ : -1;
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = noise[i] ? -1 : renumber[clusters[i]];
    }
    return out;
  }

  /** Maximal marginal relevance over cosine to the centroid; ties to the smaller answer id. */
  static List<Long> quotes(float[][] vectors, int[] members, float[] centroid, int quotes, double lambda, List<Answer> answers) {
    List<Integer> chosen = new ArrayList<>();
    boolean[] taken = new boolean[members.length];
    int want = Math.min(quotes, members.length);
    while (chosen.size() < want) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < members.length; r++) {
        if (taken[r]) {
          continue;
        }
        float[] x = vectors[members[r]];
        double redundancy = 0;
        boolean first = true;
        for (int s : chosen) {
          double sim = ThemeGeometry.cosine(x, vectors[s]);
          redundancy = first ? sim : Math.max(redundancy, sim);
          first = false;
        }
        double score = lambda * ThemeGeometry.cosine(x, centroid) - (1 - lambda) * redundancy;
        if (score > bestScore
            || (score == bestScore && answers.get(members[r]).id() < answers.get(members[best]).id())) {
          bestScore = score;
          best = r;
        }
      }
      taken[best] = true;
      chosen.add(members[best]);
    }
    return chosen.stream().map(i -> answers.get(i).id()).toList();
  }

  /** Cosine similarity; 0 when either vector is zero. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0.0 : dot / Math.sqrt(na * nb);
  }

  /** The unit sum of the {@code members} rows of {@code vectors}. */
  static float[] centroid(float[][] vectors, int[] members) {
    float[] s = new float[vectors[0].length];
    for (int m : members) {
      for (int d = 0; d < s.length; d++) {
        s[d] += vectors[m][d];
      }
    }
    return unit(s);
  }

  /** The element-wise sum of {@code vs} (not empty). */
  static float[] sum(List<float[]> vs) {
    float[] s = new float[vs.get(0).length];
    for (float[] v : vs) {
      for (int d = 0; d < s.length; d++) {
        s[d] += v[d];
      }
    }
    return s;
  }

  /** {@code v} scaled to length 1 (a zero vector stays zero). */
  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    float[] out = v.clone();
    if (norm > 0) {
      double inv = 1 / Math.sqrt(norm);
      for (int d = 0; d < out.length; d++) {
        out[d] = (float) (out[d] * inv);
      }
    }
    return out;
  }
}
