package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores feature-request detection and grouping against a labelled corpus (rows of {@code
 * text,group}; group {@code none} for a non-request, {@code a;b} for an answer making two asks).
 *
 * <p>Detection is per answer: precision and recall of "is a request". Grouping is measured on the
 * detected true requests: each (answer, labelled ask) pair is an item, put in the answer's group
 * whose majority label is that ask, else in the answer's first group. Then {@code groups} counts
 * the groups holding any corpus answer (false hits included), {@code split} the asks whose items
 * lie in more than one group, {@code mixed} the groups whose items carry two or more asks, and ARI
 * (Hubert and Arabie, 1985) compares the items' groups with their asks.
 *
 * @param truePositives requests detected
 * @param falsePositives non-requests detected
 * @param falseNegatives requests missed
 * @param groups groups holding corpus answers
 * @param asks distinct labelled asks
 * @param split asks spread over more than one group
 * @param mixed groups holding two or more asks
 * @param ari adjusted Rand index of the items
 * @param duplicateNames names carried by more than one group
 * @param splitAsks each split ask with the groups (and item counts) it lies in
 * @param mixedGroups each mixing group with the asks (and item counts) it holds
 */
public record RequestCorpusScore(
    int truePositives,
    int falsePositives,
    int falseNegatives,
    int groups,
    int asks,
    int split,
    int mixed,
    double ari,
    int duplicateNames,
    Map<String, Map<Long, Integer>> splitAsks,
    Map<Long, Map<String, Integer>> mixedGroups) {

  /**
   * One corpus answer and what the pipeline made of it.
   *
   * @param labels its labelled asks (empty for a non-request)
   * @param groups the ids of the groups it was put in (empty when not detected)
   */
  public record Row(Set<String> labels, List<Long> groups) {
    public Row {
      labels = Set.copyOf(labels);
      groups = List.copyOf(groups);
    }
  }

  /** Parses a corpus group cell: {@code none} is no ask, {@code a;b} two. */
  public static Set<String> labels(String cell) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : cell.split(";")) {
      String p = part.strip();
      if (!p.isEmpty() && !p.equalsIgnoreCase("none")) {
        out.add(p);
      }
    }
    return out;
  }

  /** Scores the rows; {@code names} are the names of the groups (for duplicates). */
  public static RequestCorpusScore of(List<Row> rows, Map<Long, String> names) {
    Objects.requireNonNull(rows, "rows");
    int tp = 0;
    int fp = 0;
    int fn = 0;
    Set<Long> groups = new HashSet<>();
    Set<String> asks = new HashSet<>();
    Map<Long, Map<String, Integer>> votes = new HashMap<>();
    for (Row r : rows) {
      boolean actual = !r.labels().isEmpty();
      boolean predicted = !r.groups().isEmpty();
      asks.addAll(r.labels());
      groups.addAll(r.groups());
      if (actual && predicted) {
        tp++;
        for (long g : r.groups()) {
          for (String l : r.labels()) {
            votes.computeIfAbsent(g, k -> new HashMap<>()).merge(l, 1, Integer::sum);
          }
        }
      } else if (predicted) {
        fp++;
      } else if (actual) {
        fn++;
      }
    }
    Map<Long, String> majority = new HashMap<>();
    votes.forEach((g, counts) -> majority.put(g, counts.entrySet().stream()
        .sorted((x, y) -> x.getValue().equals(y.getValue()) ? x.getKey().compareTo(y.getKey()) : y.getValue() - x.getValue())
        .findFirst().orElseThrow().getKey()));
    List<String> itemAsk = new ArrayList<>();
    List<Long> itemGroup = new ArrayList<>();
    for (Row r : rows) {
      if (r.labels().isEmpty() || r.groups().isEmpty()) {
        continue;
      }
      for (String l : r.labels()) {
        long chosen = r.groups().get(0);
        for (long g : r.groups()) {
          if (l.equals(majority.get(g))) {
            chosen = g;
            break;
          }
        }
        itemAsk.add(l);
        itemGroup.add(chosen);
      }
    }
    Map<String, Map<Long, Integer>> groupsOfAsk = new java.util.TreeMap<>();
    Map<Long, Map<String, Integer>> asksOfGroup = new java.util.TreeMap<>();
    for (int i = 0; i < itemAsk.size(); i++) {
      groupsOfAsk.computeIfAbsent(itemAsk.get(i), k -> new java.util.TreeMap<>()).merge(itemGroup.get(i), 1, Integer::sum);
      asksOfGroup.computeIfAbsent(itemGroup.get(i), k -> new java.util.TreeMap<>()).merge(itemAsk.get(i), 1, Integer::sum);
    }
    Map<String, Map<Long, Integer>> splitAsks = new java.util.TreeMap<>();
    groupsOfAsk.forEach((a, gs) -> {
      if (gs.size() > 1) {
        splitAsks.put(a, Map.copyOf(gs));
      }
    });
    Map<Long, Map<String, Integer>> mixedGroups = new java.util.TreeMap<>();
    asksOfGroup.forEach((g, as) -> {
      if (as.size() > 1) {
        mixedGroups.put(g, Map.copyOf(as));
      }
    });
    int split = splitAsks.size();
    int mixed = mixedGroups.size();
    Map<String, Integer> nameCounts = new HashMap<>();
    for (long g : groups) {
      String name = names.get(g);
      if (name != null) {
        nameCounts.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    int duplicates = (int) nameCounts.values().stream().filter(c -> c > 1).count();
    return new RequestCorpusScore(
        tp, fp, fn, groups.size(), asks.size(), split, mixed, ari(itemAsk, itemGroup), duplicates,
        splitAsks, mixedGroups);
  }

  public double precision() {
    return truePositives + falsePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
  }

  public double recall() {
    return truePositives + falseNegatives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
  }

  /** The one line a script reads. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "requests: precision=%.2f recall=%.2f groups=%d asks=%d split=%d mixed=%d ari=%.2f",
        precision(), recall(), groups, asks, split, mixed, ari);
  }

  /** Adjusted Rand index of two labelings of the same items (1 when both are one cluster). */
  static <A, B> double ari(List<A> a, List<B> b) {
    int n = a.size();
    if (n < 2) {
      return 1.0;
    }
    Map<A, Integer> ia = new LinkedHashMap<>();
    Map<B, Integer> ib = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      ia.putIfAbsent(a.get(i), ia.size());
      ib.putIfAbsent(b.get(i), ib.size());
    }
    long[][] table = new long[ia.size()][ib.size()];
    long[] rowSum = new long[ia.size()];
    long[] colSum = new long[ib.size()];
    for (int i = 0; i < n; i++) {
      int r = ia.get(a.get(i));
      int c = ib.get(b.get(i));
      table[r][c]++;
      rowSum[r]++;
      colSum[c]++;
    }
    double index = 0;
    for (long[] row : table) {
      for (long v : row) {
        index += pairs(v);
      }
    }
    double sumRows = 0;
    for (long v : rowSum) {
      sumRows += pairs(v);
    }
    double sumCols = 0;
    for (long v : colSum) {
      sumCols += pairs(v);
    }
    double expected = sumRows * sumCols / pairs(n);
    double max = (sumRows + sumCols) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  private static double pairs(long v) {
    return v * (v - 1) / 2.0;
  }
}
