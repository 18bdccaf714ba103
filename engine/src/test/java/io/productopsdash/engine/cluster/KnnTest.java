package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnTest {
  /** Brute force in double precision: indices by decreasing similarity, ties by index. */
  private static int[] bruteForce(float[][] x, int i, int k) {
    double[] s = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      for (int t = 0; t < x[i].length; t++) {
        s[j] += (double) x[i][t] * x[j][t];
      }
    }
    return IntStream.range(0, x.length)
        .filter(j -> j != i)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer j) -> -s[j]).thenComparingInt(j -> j))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @Test
  void matchesBruteForceAcrossBlockAndChunkEdges() {
    // 517 rows: two full 256-column blocks and a 5-column one; 8 full 64-row chunks and a short one.
    float[][] x = Blobs.uniform(517, 24, 3);
    Knn knn = Knn.fit(x, 7, 2);
    assertThat(knn.size()).isEqualTo(517);
    assertThat(knn.k()).isEqualTo(7);
    for (int i = 0; i < x.length; i++) {
      assertThat(knn.neighbours(i)).as("row %d", i).containsExactly(bruteForce(x, i, 7));
      for (int r = 0; r < 7; r++) {
        double exact = 0;
        int j = knn.neighbour(i, r);
        for (int t = 0; t < 24; t++) {
          exact += (double) x[i][t] * x[j][t];
        }
        assertThat((double) knn.similarity(i, r)).isCloseTo(exact, within(1e-5));
      }
    }
  }

  @Test
  void neverListsAPointAsItsOwnNeighbourAndBreaksTiesByIndex() {
    // Rows 0, 2 and 3 are the same vector: for row 0 the nearest are 2 then 3 (equal similarity).
    float[][] x = {{1, 0}, {0, 1}, {1, 0}, {1, 0}, {0.6f, 0.8f}};
    Knn knn = Knn.fit(x, 3, 1);
    assertThat(knn.neighbours(0)).containsExactly(2, 3, 4);
    assertThat(knn.neighbours(3)).containsExactly(0, 2, 4);
    assertThat(knn.neighbours(1)).containsExactly(4, 0, 2);
  }

  @Test
  void resultDoesNotDependOnThreads() {
    float[][] x = Blobs.uniform(300, 16, 5);
    Knn one = Knn.fit(x, 5, 1);
    Knn three = Knn.fit(x, 5, 3);
    for (int i = 0; i < x.length; i++) {
      assertThat(three.neighbours(i)).containsExactly(one.neighbours(i));
      for (int r = 0; r < 5; r++) {
        assertThat(three.similarity(i, r)).isEqualTo(one.similarity(i, r));
      }
    }
  }

  @Test
  void similarityIsSymmetricToTheLastBit() {
    float[][] x = Blobs.uniform(200, 33, 8);
    Knn knn = Knn.fit(x, 199, 2);
    float[][] s = new float[200][200];
    for (int i = 0; i < 200; i++) {
      for (int r = 0; r < 199; r++) {
        s[i][knn.neighbour(i, r)] = knn.similarity(i, r);
      }
    }
    for (int i = 0; i < 200; i++) {
      for (int j = 0; j < i; j++) {
        assertThat(s[i][j]).isEqualTo(s[j][i]);
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    float[][] x = Blobs.uniform(4, 3, 1);
    assertThatThrownBy(() -> Knn.fit(x, 4, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid number of neighbours: 4");
    assertThatThrownBy(() -> Knn.fit(x, 0, 1)).hasMessageContaining("0");
    assertThatThrownBy(() -> Knn.fit(x, 2, 0)).hasMessageContaining("Invalid number of threads: 0");
    assertThatThrownBy(() -> Knn.fit(new float[][] {{1, 0}, {1}}, 1, 1)).hasMessageContaining("Vector 1 has 1 dimensions");
    assertThatThrownBy(() -> Knn.fit(new float[][] {{1, 0}, {Float.NaN, 0}}, 1, 1)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Knn.fit(new float[0][], 1, 1)).hasMessageContaining("No vectors");
    Knn knn = Knn.fit(x, 2, 1);
    assertThatThrownBy(() -> knn.neighbour(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(Arrays.stream(knn.neighbours(0)).allMatch(j -> j >= 1 && j <= 3)).isTrue();
  }
}
