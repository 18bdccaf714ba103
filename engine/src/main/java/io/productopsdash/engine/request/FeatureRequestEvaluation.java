package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Measures a binary detector against labels: confusion counts, precision, recall and F1 of the
 * positive class, and seeded stratified folds for cross-validation.
 */
public final class FeatureRequestEvaluation {
  private FeatureRequestEvaluation() {}

  /**
   * Confusion counts of the positive class ("is a request").
   *
   * <p>Precision is 0 when nothing was predicted positive, recall is 0 when there is no positive
   * label, and F1 is 0 when both are 0: an empty prediction never scores.
   */
  public record Confusion(
      long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    public Confusion {
      if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
        throw new IllegalArgumentException(
            "Invalid confusion counts: tp="
                + truePositives
                + " fp="
                + falsePositives
                + " fn="
                + falseNegatives
                + " tn="
                + trueNegatives);
      }
    }

    /** No items. */
    public static Confusion empty() {
      return new Confusion(0, 0, 0, 0);
    }

    /** The counts of paired predictions and labels. */
    public static Confusion of(List<Boolean> predicted, List<Boolean> actual) {
      Objects.requireNonNull(predicted, "predicted");
      Objects.requireNonNull(actual, "actual");
      if (predicted.size() != actual.size()) {
        throw new IllegalArgumentException(
            "Invalid sizes: " + predicted.size() + " predictions for " + actual.size() + " labels");
      }
      long tp = 0;
      long fp = 0;
      long fn = 0;
      long tn = 0;
      for (int i = 0; i < predicted.size(); i++) {
        boolean p = predicted.get(i);
        boolean a = actual.get(i);
        if (p && a) {
          tp++;
        } else if (p) {
          fp++;
        } else if (a) {
          fn++;
        } else {
          tn++;
        }
      }
      return new Confusion(tp, fp, fn, tn);
    }

    /** These counts plus one more item. */
    public Confusion add(boolean predicted, boolean actual) {
      return plus(
          new Confusion(
              predicted && actual ? 1 : 0,
              predicted && !actual ? 1 : 0,
              !predicted && actual ? 1 : 0,
              !predicted && !actual ? 1 : 0));
    }

    /** The sum of two sets of counts (pooling folds). */
    public Confusion plus(Confusion o) {
      return new Confusion(
          truePositives + o.truePositives,
          falsePositives + o.falsePositives,
          falseNegatives + o.falseNegatives,
          trueNegatives + o.trueNegatives);
    }

    public long total() {
      return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** TP / (TP + FP), or 0 when nothing was predicted positive. */
    public double precision() {
      long predicted = truePositives + falsePositives;
      return predicted == 0 ? 0.0 : (double) truePositives / predicted;
    }

    /** TP / (TP + FN), or 0 when nothing is labelled positive. */
    public double recall() {
      long positives = truePositives + falseNegatives;
      return positives == 0 ? 0.0 : (double) truePositives / positives;
    }

    /** The harmonic mean of precision and recall: 2TP / (2TP + FP + FN); 0 when TP is 0. */
    public double f1() {
      long denominator = 2 * truePositives + falsePositives + falseNegatives;
      return denominator == 0 ? 0.0 : 2.0 * truePositives / denominator;
    }

    /** (TP + TN) / total, or 0 for no items. */
    public double accuracy() {
      long total = total();
      return total == 0 ? 0.0 : (double) (truePositives + trueNegatives) / total;
    }
  }

  /** The confusion counts of {@code detector} on labelled texts. */
  public static Confusion evaluate(
      FeatureRequestDetector detector, List<String> texts, List<Boolean> actual) {
    Objects.requireNonNull(detector, "detector");
    List<Boolean> predicted = new ArrayList<>(texts.size());
    for (String t : texts) {
      predicted.add(detector.detect(t).request());
    }
    return Confusion.of(predicted, actual);
  }

  /**
   * Assigns each item to one of {@code k} folds so that every fold holds the same share of
   * positives (to within one): positives and negatives are shuffled separately with {@code seed}
   * and dealt round-robin, negatives continuing where positives stopped.
   *
   * @return the fold of each item, in [0, k)
   */
  public static int[] stratifiedFolds(List<Boolean> actual, int k, long seed) {
    Objects.requireNonNull(actual, "actual");
    if (k < 2 || k > actual.size()) {
      throw new IllegalArgumentException(
          "Invalid number of folds: " + k + " for " + actual.size() + " items");
    }
    List<Integer> positives = new ArrayList<>();
    List<Integer> negatives = new ArrayList<>();
    for (int i = 0; i < actual.size(); i++) {
      (actual.get(i) ? positives : negatives).add(i);
    }
    Random random = new Random(seed);
    Collections.shuffle(positives, random);
    Collections.shuffle(negatives, random);
    int[] fold = new int[actual.size()];
    int next = 0;
    for (int i : positives) {
      fold[i] = next;
      next = (next + 1) % k;
    }
    for (int i : negatives) {
      fold[i] = next;
      next = (next + 1) % k;
    }
    return fold;
  }
}
