package io.productopsdash.engine.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sparse unit-length TF-IDF rows ((1 + log tf) * log(n / df)) over the labeller's tokens, for the
 * experiments of {@link ThemeClusteringLab} that compare the embedding graph with a word graph.
 */
final class TfIdf {
  final int[][] terms;
  final float[][] weights;
  final int[][] postings;

  TfIdf(List<String> texts) {
    int n = texts.size();
    Map<String, Integer> ids = new HashMap<>();
    List<Map<Integer, Integer>> tf = new ArrayList<>();
    List<Integer> df = new ArrayList<>();
    for (String t : texts) {
      Map<Integer, Integer> m = new java.util.TreeMap<>();
      for (String w : ClassTfIdfLabeler.tokens(t)) {
        int id = ids.computeIfAbsent(w, k -> ids.size());
        if (id == df.size()) {
          df.add(0);
        }
        m.merge(id, 1, Integer::sum);
      }
      for (int id : m.keySet()) {
        df.set(id, df.get(id) + 1);
      }
      tf.add(m);
    }
    terms = new int[n][];
    weights = new float[n][];
    int[] count = new int[df.size()];
    for (int i = 0; i < n; i++) {
      Map<Integer, Integer> m = tf.get(i);
      terms[i] = new int[m.size()];
      weights[i] = new float[m.size()];
      double norm = 0;
      int p = 0;
      for (Map.Entry<Integer, Integer> e : m.entrySet()) {
        double w = (1 + Math.log(e.getValue())) * Math.log(n / (double) df.get(e.getKey()));
        terms[i][p] = e.getKey();
        weights[i][p++] = (float) w;
        norm += w * w;
        count[e.getKey()]++;
      }
      norm = Math.sqrt(norm);
      for (int q = 0; q < p; q++) {
        weights[i][q] = norm > 0 ? (float) (weights[i][q] / norm) : 0;
      }
    }
    postings = new int[df.size()][];
    for (int t = 0; t < count.length; t++) {
      postings[t] = new int[count[t]];
    }
    int[] fill = new int[count.length];
    for (int i = 0; i < n; i++) {
      for (int t : terms[i]) {
        postings[t][fill[t]++] = i;
      }
    }
  }

  double cosine(int a, int b) {
    int[] ta = terms[a];
    int[] tb = terms[b];
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < ta.length && j < tb.length) {
      if (ta[i] < tb[j]) {
        i++;
      } else if (ta[i] > tb[j]) {
        j++;
      } else {
        s += weights[a][i++] * weights[b][j++];
      }
    }
    return s;
  }

  /** k nearest by TF-IDF cosine (only positive cosines; fewer when fewer exist): rows of indices. */
  int[][] knn(int k) {
    int n = terms.length;
    int[][] out = new int[n][];
    double[] acc = new double[n];
    int[] touched = new int[n];
    for (int i = 0; i < n; i++) {
      int nt = 0;
      for (int p = 0; p < terms[i].length; p++) {
        int t = terms[i][p];
        for (int j : postings[t]) {
          if (j == i) {
            continue;
          }
          if (acc[j] == 0) {
            touched[nt++] = j;
          }
          acc[j] += weights[i][p] * weightOf(j, t);
        }
      }
      Integer[] cand = new Integer[nt];
      for (int q = 0; q < nt; q++) {
        cand[q] = touched[q];
      }
      Arrays.sort(cand, (u, v) -> acc[u] != acc[v] ? Double.compare(acc[v], acc[u]) : Integer.compare(u, v));
      int m = Math.min(k, nt);
      out[i] = new int[m];
      for (int q = 0; q < m; q++) {
        out[i][q] = cand[q];
      }
      for (int q = 0; q < nt; q++) {
        acc[touched[q]] = 0;
      }
    }
    return out;
  }

  private float weightOf(int doc, int term) {
    int p = Arrays.binarySearch(terms[doc], term);
    return weights[doc][p];
  }
}
