package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvertedFileKnnTest {
  /** Share of the exact neighbours the approximate graph found. */
  private static double recall(Knn exact, Knn approx) {
    long found = 0;
    for (int i = 0; i < exact.size(); i++) {
      Set<Integer> truth = new HashSet<>();
      for (int j : exact.neighbours(i)) {
        truth.add(j);
      }
      for (int j : approx.neighbours(i)) {
        found += truth.contains(j) ? 1 : 0;
      }
    }
    return (double) found / ((long) exact.size() * exact.k());
  }

  @Test
  void findsAlmostEveryExactNeighbourOfClusteredPoints() {
    // 60 topics of 50 answers in 48 dimensions: 55 lists, 12 probed.
    float[][] x = Blobs.onSphere(60, 50, 48, 0.12, 11).vectors;
    Knn exact = Knn.exact(x, x, 10, 2, true);
    Knn approx = InvertedFileKnn.search(x, x, 10, 2, true);
    assertThat(recall(exact, approx)).isGreaterThan(0.97);
    for (int i = 0; i < x.length; i++) {
      assertThat(approx.neighbours(i)).as("row %d", i).doesNotContain(i).doesNotHaveDuplicates();
      for (int r = 1; r < 10; r++) {
        assertThat(approx.similarity(i, r)).isLessThanOrEqualTo(approx.similarity(i, r - 1));
      }
    }
  }

  @Test
  void probingEveryListIsTheExactSearch() {
    float[][] x = Blobs.uniform(700, 20, 4);
    Knn exact = Knn.exact(x, x, 6, 1, true);
    Knn all = InvertedFileKnn.search(x, x, 6, 2, true, 26, 26);
    for (int i = 0; i < x.length; i++) {
      assertThat(all.neighbours(i)).as("row %d", i).containsExactly(exact.neighbours(i));
    }
  }

  @Test
  void resultDoesNotDependOnThreads() {
    float[][] x = Blobs.onSphere(20, 40, 32, 0.3, 9).vectors;
    Knn one = InvertedFileKnn.search(x, x, 5, 1, true);
    Knn three = InvertedFileKnn.search(x, x, 5, 3, true);
    for (int i = 0; i < x.length; i++) {
      assertThat(three.neighbours(i)).containsExactly(one.neighbours(i));
    }
  }

  @Test
  void everyQueryGetsKRealNeighboursEvenFromTinyLists() {
    // One probe of 30 lists of about 3 points cannot hold 8 neighbours: the exact search fills in.
    float[][] refs = Blobs.uniform(90, 8, 2);
    float[][] queries = Blobs.uniform(40, 8, 3);
    Knn approx = InvertedFileKnn.search(queries, refs, 8, 2, false, 30, 1);
    Knn exact = Knn.exact(queries, refs, 8, 2, false);
    for (int i = 0; i < queries.length; i++) {
      assertThat(approx.neighbours(i)).doesNotContain(-1).doesNotHaveDuplicates();
    }
    assertThat(recall(exact, approx)).isGreaterThan(0.3);
  }

  @Test
  void theSearchSwitchesOnlyAboveTheExactLimit() {
    assertThat(Knn.EXACT_PAIRS).isEqualTo(400_000_000L);
    float[][] x = Blobs.uniform(300, 12, 6);
    Knn viaFit = Knn.fit(x, 4, 2);
    Knn exact = Knn.exact(x, x, 4, 2, true);
    for (int i = 0; i < x.length; i++) {
      assertThat(viaFit.neighbours(i)).containsExactly(exact.neighbours(i));
    }
  }
}
