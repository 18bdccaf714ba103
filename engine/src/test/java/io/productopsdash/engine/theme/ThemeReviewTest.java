package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ThemeReview}: interleaving, merges of one topic's two themes, splits of two topics' one theme. */
class ThemeReviewTest {
  private static float[] blob(float[] centre, double noise, Random r) {
    float[] v = new float[centre.length];
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) (centre[d] + noise * r.nextGaussian());
    }
    return ThemeGeometry.unit(v);
  }

  private static float[] axis(int d, int dim) {
    float[] v = new float[dim];
    v[d] = 1;
    return v;
  }

  @Test
  void twoHalvesOfOneTopicInterleaveAndTwoTopicsDoNot() {
    Random r = new Random(3);
    float[][] x = new float[400][];
    for (int i = 0; i < 400; i++) {
      x[i] = blob(axis(i < 200 ? 0 : 1, 16), 0.1, r);
    }
    List<Integer> firstHalfOfA = IntStream.range(0, 100).boxed().toList();
    List<Integer> secondHalfOfA = IntStream.range(100, 200).boxed().toList();
    List<Integer> b = IntStream.range(200, 400).boxed().toList();
    // Random halves: each member's neighbours fall in the other half about as often as chance says.
    assertThat(ThemeReview.interleaving(x, firstHalfOfA, secondHalfOfA, 5)).isCloseTo(1.0, within(0.2));
    assertThat(ThemeReview.interleaving(x, IntStream.range(0, 200).boxed().toList(), b, 5)).isLessThan(0.05);
  }

  @Test
  void oneTopicInTwoThemesIsMergedIntoTheLargerAndTwoTopicsInOneAreSplit() {
    Random r = new Random(5);
    List<float[]> rows = new ArrayList<>();
    List<Long> themes = new ArrayList<>();
    List<Boolean> older = new ArrayList<>();
    // Topic 0 spread over themes 7 (30) and 8 (20); topics 1 and 2 both in theme 9 (25 each), topic 2
    // mostly this week's answers.
    for (int i = 0; i < 50; i++) {
      rows.add(blob(axis(0, 16), 0.1, r));
      themes.add(i < 30 ? 7L : 8L);
      older.add(i % 2 == 0);
    }
    for (int i = 0; i < 50; i++) {
      rows.add(blob(axis(i < 25 ? 1 : 2, 16), 0.1, r));
      themes.add(9L);
      older.add(i < 25 || i % 5 == 0);
    }
    // A fourth theme far from all, to check it is left alone.
    for (int i = 0; i < 20; i++) {
      rows.add(blob(axis(3, 16), 0.1, r));
      themes.add(10L);
      older.add(true);
    }
    float[][] x = rows.toArray(new float[0][]);
    long[] t = themes.stream().mapToLong(Long::longValue).toArray();
    boolean[] o = new boolean[older.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = older.get(i);
    }
    ThemeReview review = ThemeReview.of(x, t, o, ThemeReview.Options.defaults());
    assertThat(review.merges()).hasSize(1);
    assertThat(review.merges().get(0).absorbed()).isEqualTo(8L);
    assertThat(review.merges().get(0).into()).isEqualTo(7L);
    assertThat(review.splits()).hasSize(1);
    ThemeReview.Split split = review.splits().get(0);
    assertThat(split.theme()).isEqualTo(9L);
    // The part that leaves is topic 2 (rows 75..99), the one with less history.
    assertThat(split.part()).containsExactlyInAnyOrder(IntStream.range(75, 100).toArray());
  }
}
