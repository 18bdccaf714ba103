package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The corpus measures against a hand-computed fixture. */
class RequestCorpusScoreTest {
  private static RequestCorpusScore.Row row(Set<String> labels, Long... groups) {
    return new RequestCorpusScore.Row(labels, List.of(groups));
  }

  @Test
  void detectionGroupingAndAriAsComputedByHand() {
    List<RequestCorpusScore.Row> rows =
        List.of(
            row(Set.of("x"), 10L),
            row(Set.of("x"), 10L),
            row(Set.of("y"), 11L),
            row(Set.of("y"), 10L),
            row(Set.of(), 12L), // a false hit
            row(Set.of("x")), // a miss
            row(RequestCorpusScore.labels("x;y"), 10L, 11L), // two asks, two groups
            row(Set.of()));
    RequestCorpusScore s = RequestCorpusScore.of(rows, Map.of(10L, "Add X", 11L, "add x", 12L, "Other"));
    assertThat(s.truePositives()).isEqualTo(5);
    assertThat(s.falsePositives()).isEqualTo(1);
    assertThat(s.falseNegatives()).isEqualTo(1);
    assertThat(s.precision()).isCloseTo(5 / 6.0, within(1e-12));
    assertThat(s.recall()).isCloseTo(5 / 6.0, within(1e-12));
    // Items: x -> 10, 10, 10 (the two-ask answer's x goes to 10, whose majority is x); y -> 11, 10, 11.
    // Contingency x:{10:3}, y:{11:2, 10:1}: index 3 + 1 = 4, rows 3 + 3 = 6, columns 6 + 1 = 7,
    // expected 6 * 7 / 15 = 2.8, max 6.5: ARI (4 - 2.8) / (6.5 - 2.8) = 1.2 / 3.7.
    assertThat(s.ari()).isCloseTo(1.2 / 3.7, within(1e-12));
    assertThat(s.groups()).isEqualTo(3);
    assertThat(s.asks()).isEqualTo(2);
    assertThat(s.split()).isEqualTo(1);
    assertThat(s.splitAsks()).containsOnlyKeys("y");
    assertThat(s.mixed()).isEqualTo(1);
    assertThat(s.mixedGroups()).containsOnlyKeys(10L);
    assertThat(s.duplicateNames()).isEqualTo(1);
    assertThat(s.line()).isEqualTo("requests: precision=0.83 recall=0.83 groups=3 asks=2 split=1 mixed=1 ari=0.32");
  }

  @Test
  void ariIsZeroForAnUninformativeSplitAndOneForThePartitionItself() {
    assertThat(RequestCorpusScore.ari(List.of("a", "a", "b", "b"), List.of(1, 1, 1, 2))).isCloseTo(0.0, within(1e-12));
    assertThat(RequestCorpusScore.ari(List.of("a", "a", "b"), List.of(7, 7, 9))).isEqualTo(1.0);
  }

  @Test
  void aGroupCellNamesNoneOneOrSeveralAsks() {
    assertThat(RequestCorpusScore.labels("none")).isEmpty();
    assertThat(RequestCorpusScore.labels("lightning")).containsExactly("lightning");
    assertThat(RequestCorpusScore.labels(" lightning ; base-network ")).containsExactly("lightning", "base-network");
  }
}
