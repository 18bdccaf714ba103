package io.productopsdash.engine.request;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Development aid: per rule, how often it counted on requests and on other rows of the review sets' development halves. */
public final class RuleYieldLab {
  private RuleYieldLab() {}

  public static void main(String[] args) throws Exception {
    for (String[] set : new String[][] {{"panichella", args[0]}, {"maalej", args[1]}}) {
      LabelledReviews reviews = LabelledReviews.read(set[0], Path.of(set[1]));
      FeatureRequestDetector rules = FeatureRequestDetector.of(new FeatureRequestDetector.Options(0.5));
      Map<String, int[]> yield = new TreeMap<>();
      for (LabelledReviews.Row r : reviews.rows()) {
        if (!r.development()) {
          continue;
        }
        RequestDetection d = rules.detect(r.text());
        if (!d.request()) {
          continue;
        }
        for (RequestCue c : d.counted()) {
          yield.computeIfAbsent(c.rule(), k -> new int[2])[r.request() ? 0 : 1]++;
        }
      }
      System.out.println(set[0]);
      yield.forEach((rule, n) -> System.out.printf("  %-28s requests %4d  other %4d%n", rule, n[0], n[1]));
    }
  }
}
