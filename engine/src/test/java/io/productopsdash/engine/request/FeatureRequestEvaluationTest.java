package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.engine.request.FeatureRequestEvaluation.Confusion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Precision, recall and F1 against counts computed by hand. */
class FeatureRequestEvaluationTest {
  private static final double EPS = 1e-12;

  @Test
  void countsAndMetricsOfAHandComputedFixture() {
    // i:         0     1     2      3      4     5      6      7
    // predicted: T     T     T      F      F     T      F      F
    // actual:    T     F     T      T      F     T      F      T
    // TP = {0, 2, 5} = 3, FP = {1} = 1, FN = {3, 7} = 2, TN = {4, 6} = 2
    List<Boolean> predicted = List.of(true, true, true, false, false, true, false, false);
    List<Boolean> actual = List.of(true, false, true, true, false, true, false, true);
    Confusion c = Confusion.of(predicted, actual);
    assertThat(c).isEqualTo(new Confusion(3, 1, 2, 2));
    assertThat(c.total()).isEqualTo(8);
    assertThat(c.precision()).isCloseTo(3.0 / 4.0, within(EPS));
    assertThat(c.recall()).isCloseTo(3.0 / 5.0, within(EPS));
    // F1 = 2PR / (P + R) = 2 * 0.75 * 0.6 / 1.35 = 0.9 / 1.35 = 2/3 = 2TP / (2TP + FP + FN)
    assertThat(c.f1()).isCloseTo(2.0 / 3.0, within(EPS));
    assertThat(c.accuracy()).isCloseTo(5.0 / 8.0, within(EPS));
  }

  @Test
  void theFixtureOfTheTargetScale() {
    // 192 labelled requests, 150 found, 40 false alarms: P = 150/190, R = 150/192,
    // F1 = 300 / (300 + 40 + 42) = 300/382.
    Confusion c = new Confusion(150, 40, 42, 1158);
    assertThat(c.precision()).isCloseTo(0.789473684210526, within(1e-12));
    assertThat(c.recall()).isCloseTo(0.78125, within(EPS));
    assertThat(c.f1()).isCloseTo(300.0 / 382.0, within(EPS));
  }

  @Test
  void emptyPredictionsAndEmptyLabelsScoreZeroNotNaN() {
    Confusion nothingPredicted = Confusion.of(List.of(false, false), List.of(true, false));
    assertThat(nothingPredicted.precision()).isZero();
    assertThat(nothingPredicted.recall()).isZero();
    assertThat(nothingPredicted.f1()).isZero();
    Confusion noPositives = Confusion.of(List.of(true, false), List.of(false, false));
    assertThat(noPositives.recall()).isZero();
    assertThat(noPositives.f1()).isZero();
    assertThat(Confusion.empty().accuracy()).isZero();
    assertThat(Confusion.empty().f1()).isZero();
  }

  @Test
  void addingOneByOneAndPoolingFoldsGiveTheSameCounts() {
    Confusion a = Confusion.empty().add(true, true).add(true, false).add(false, true);
    Confusion b = Confusion.empty().add(false, false).add(true, true);
    assertThat(a).isEqualTo(new Confusion(1, 1, 1, 0));
    assertThat(a.plus(b)).isEqualTo(new Confusion(2, 1, 1, 1));
  }

  @Test
  void invalidInputNamesTheBadValue() {
    assertThatThrownBy(() -> new Confusion(1, -2, 0, 0)).hasMessageContaining("fp=-2");
    assertThatThrownBy(() -> Confusion.of(List.of(true), List.of(true, false)))
        .hasMessageContaining("1 predictions for 2 labels");
    assertThatThrownBy(
            () -> FeatureRequestEvaluation.stratifiedFolds(List.of(true, false, true), 1, 7))
        .hasMessageContaining("Invalid number of folds: 1");
    assertThatThrownBy(() -> FeatureRequestEvaluation.stratifiedFolds(List.of(true), 2, 7))
        .hasMessageContaining("2 for 1 items");
  }

  @Test
  void evaluateRunsTheDetectorOnEveryText() {
    Confusion c =
        FeatureRequestEvaluation.evaluate(
            FeatureRequestDetector.standard(),
            List.of("Please add a dark mode.", "Love it!", "It crashes, please fix."),
            List.of(true, false, true));
    assertThat(c).isEqualTo(new Confusion(1, 0, 1, 1));
  }

  @Test
  void stratifiedFoldsSpreadPositivesEvenlyAndAreSeeded() {
    List<Boolean> labels = new ArrayList<>();
    for (int i = 0; i < 103; i++) {
      labels.add(i % 7 == 0); // 15 positives, 88 negatives
    }
    int[] folds = FeatureRequestEvaluation.stratifiedFolds(labels, 5, 19650218);
    int[] positives = new int[5];
    int[] sizes = new int[5];
    for (int i = 0; i < labels.size(); i++) {
      assertThat(folds[i]).isBetween(0, 4);
      sizes[folds[i]]++;
      if (labels.get(i)) {
        positives[folds[i]]++;
      }
    }
    assertThat(positives).containsOnly(3);
    for (int s : sizes) {
      assertThat(s).isBetween(20, 21);
    }
    assertThat(FeatureRequestEvaluation.stratifiedFolds(labels, 5, 19650218)).isEqualTo(folds);
    assertThat(FeatureRequestEvaluation.stratifiedFolds(labels, 5, 42)).isNotEqualTo(folds);
  }
}
