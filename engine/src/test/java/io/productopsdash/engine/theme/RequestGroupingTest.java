package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestGroupingTest {
  /** Unit vectors in the plane at these angles (degrees), scaled by 3 to show scale does not matter. */
  private static float[][] at(double... degrees) {
    float[][] x = new float[degrees.length][];
    for (int i = 0; i < x.length; i++) {
      double r = Math.toRadians(degrees[i]);
      x[i] = new float[] {(float) (3 * Math.cos(r)), (float) (3 * Math.sin(r))};
    }
    return x;
  }

  /**
   * 0, 20, 40 degrees (pairwise cosines 0.940, 0.766, 0.940) and 90, 100 (0.985). Between the two
   * sets the six cosines are 0, 0.342, 0.643, -0.174, 0.174, 0.5: mean 0.2475. So at 0.45 they stay
   * apart although 40 and 90 degrees are 0.643 similar (single linkage would chain them), and at
   * 0.2 they merge.
   */
  @Test
  void averageLinkageOnAHandComputedExample() {
    RequestGrouping apart = RequestGrouping.fit(at(0, 90, 20, 100, 40), 0.45);
    assertThat(apart.size()).isEqualTo(2);
    assertThat(apart.members(0)).containsExactly(0, 2, 4);
    assertThat(apart.members(1)).containsExactly(1, 3);

    RequestGrouping merged = RequestGrouping.fit(at(0, 90, 20, 100, 40), 0.2);
    assertThat(merged.size()).isEqualTo(1);
    assertThat(merged.members(0)).containsExactly(0, 1, 2, 3, 4);

    // 0.95: only 90 and 100 (0.985) are that close; 0 and 20 (0.940) are not.
    RequestGrouping strict = RequestGrouping.fit(at(0, 90, 20, 100, 40), 0.95);
    assertThat(strict.size()).isEqualTo(4);
    assertThat(strict.members(1)).containsExactly(1, 3);
  }

  @Test
  void groupsDoNotDependOnInputOrderAndAreNumberedByFirstMember() {
    RequestGrouping a = RequestGrouping.fit(at(100, 40, 90, 0, 20), 0.45);
    assertThat(a.size()).isEqualTo(2);
    assertThat(a.members(0)).containsExactly(0, 2);
    assertThat(a.members(1)).containsExactly(1, 3, 4);
  }

  @Test
  void emptyAndSingleInputs() {
    assertThat(RequestGrouping.fit(new float[0][], 0.45).size()).isZero();
    RequestGrouping one = RequestGrouping.fit(at(30), 0.45);
    assertThat(one.size()).isEqualTo(1);
    assertThat(one.members(0)).containsExactly(0);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> RequestGrouping.fit(at(0, 10), -1)).hasMessage("Invalid request similarity: -1.0 (-1 to 1)");
    assertThatThrownBy(() -> RequestGrouping.fit(at(0, 10), 1.5)).hasMessage("Invalid request similarity: 1.5 (-1 to 1)");
    assertThatThrownBy(() -> RequestGrouping.fit(new float[][] {{1, 0}, {0, 0}}, 0.5))
        .hasMessage("A request vector is zero or not finite");
    assertThatThrownBy(() -> RequestGrouping.fit(new float[][] {{1, 0}, {0, 1, 0}}, 0.5))
        .hasMessage("Vectors have 3 and 2 dimensions");
  }
}
