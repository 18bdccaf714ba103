package io.productopsdash.definitions.metrics;

import io.productopsdash.models.rollup.FeatureUsage;
import io.productopsdash.models.rollup.KeyCount;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The order in which the rollups list their breakdowns. */
public final class Rankings {
  /** Features and pages: most events first, ties by kind, then by key. */
  public static final Comparator<FeatureUsage> FEATURES =
      Comparator.comparingLong(FeatureUsage::events).reversed().thenComparing(FeatureUsage::kind).thenComparing(FeatureUsage::key);

  private Rankings() {}

  /** A breakdown's counts, largest first, ties by key. */
  public static List<KeyCount> keyCounts(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> new KeyCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(KeyCount::users).reversed().thenComparing(KeyCount::key))
        .toList();
  }
}
