package io.productopsdash.engine.cluster;

import io.productopsdash.engine.parallel.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Approximate k nearest neighbours by an inverted file: the references are partitioned by k-means
 * into about {@code sqrt(m)} lists, and each query is compared only with the members of the {@link
 * #PROBES} lists whose centroids are nearest to it. The work per query falls from {@code m} dot
 * products to about {@code PROBES * sqrt(m)}, so a graph of n points costs {@code n^1.5} instead of
 * {@code n^2}: at 100,000 answers some 30 times less than the exact search, and in the build of
 * {@link Knn} above {@link Knn#EXACT_PAIRS} pairs.
 *
 * <p>Why an inverted file and not Lucene's HNSW graph: the partition is built deterministically
 * (k-means from a seeded sample, assignments in index order), so the result, like the exact
 * search's, does not depend on the number of threads; and the queries that probe one list are
 * compared with it in the same vectorised blocks ({@link DotProducts}) as the exact search, which
 * a graph walk, one vector at a time, cannot do. Its recall against the exact graph is measured by
 * {@code bench/knn-recall.sh}.
 *
 * <p>The work is grouped by the queries' nearest list: a chunk of queries of one list visits the
 * union of their probed lists, each list once, with only the queries that probe it.
 */
final class InvertedFileKnn {
  /** Lists probed per query. */
  static final int PROBES = 12;

  /** Lloyd iterations that build the partition. */
  private static final int ITERATIONS = 6;

  /** References the partition is trained on, per list (the rest are only assigned). */
  private static final int TRAINING_PER_LIST = 40;

  private static final long SEED = 20261207L;

  private static final int CHUNK = 128;

  private InvertedFileKnn() {}

  /**
   * The {@code k} approximate nearest references of every query.
   *
   * @param self true when queries and references are the same rows (row {@code i} is then never
   *     its own neighbour)
   */
  static Knn search(float[][] queries, float[][] references, int k, int threads, boolean self) {
    return search(queries, references, k, threads, self, lists(references.length), PROBES);
  }

  /** The number of lists for {@code m} references: the square root, at least 1. */
  static int lists(int m) {
    return Math.max(1, (int) Math.round(Math.sqrt(m)));
  }

  static Knn search(
      float[][] queries, float[][] references, int k, int threads, boolean self, int lists, int probes) {
    int m = references.length;
    int n = queries.length;
    int nlist = Math.min(lists, m);
    float[][] centroids = centroids(references, nlist, threads);
    int[] listOf = nearest(references, centroids, threads);
    int[][] members = members(listOf, nlist);
    float[][][][] blocks = new float[nlist][][][];
    for (int l = 0; l < nlist; l++) {
      float[][] rows = new float[members[l].length][];
      for (int j = 0; j < rows.length; j++) {
        rows[j] = references[members[l][j]];
      }
      blocks[l] = rows.length == 0 ? new float[0][][] : DotProducts.transposedBlocks(rows, DotProducts.BLOCK);
    }
    int p = Math.min(probes, nlist);
    Knn probe = Knn.exact(queries, centroids, p, threads, false);

    // Chunks of queries sharing their nearest list (in query order within each list).
    int[] firstList = new int[n];
    for (int i = 0; i < n; i++) {
      firstList[i] = probe.neighbour(i, 0);
    }
    int[][] byList = members(firstList, nlist);
    List<int[]> chunks = new ArrayList<>();
    for (int[] qs : byList) {
      for (int from = 0; from < qs.length; from += CHUNK) {
        chunks.add(Arrays.copyOfRange(qs, from, Math.min(qs.length, from + CHUNK)));
      }
    }
    int[] indices = new int[n * k];
    float[] sims = new float[n * k];
    Parallel.forEach(
        threads,
        chunks.size(),
        c -> searchChunk(chunks.get(c), queries, probe, members, blocks, k, self, indices, sims));
    fillShortRows(queries, references, k, threads, self, indices, sims);
    return new Knn(n, k, indices, sims);
  }

  private static void searchChunk(
      int[] chunk,
      float[][] queries,
      Knn probe,
      int[][] members,
      float[][][][] blocks,
      int k,
      boolean self,
      int[] indices,
      float[] sims) {
    int rows = chunk.length;
    float[][] best = new float[rows][k];
    int[][] bestIndex = new int[rows][k];
    for (int r = 0; r < rows; r++) {
      Arrays.fill(best[r], Float.NEGATIVE_INFINITY);
      Arrays.fill(bestIndex[r], -1);
    }
    // For each probed list, the rows of the chunk that probe it, in row order.
    int nlist = members.length;
    int[] counts = new int[nlist];
    for (int q : chunk) {
      for (int r = 0; r < probe.k(); r++) {
        counts[probe.neighbour(q, r)]++;
      }
    }
    int[][] probing = new int[nlist][];
    int[] filled = new int[nlist];
    for (int r = 0; r < rows; r++) {
      for (int rank = 0; rank < probe.k(); rank++) {
        int l = probe.neighbour(chunk[r], rank);
        if (probing[l] == null) {
          probing[l] = new int[counts[l]];
        }
        probing[l][filled[l]++] = r;
      }
    }
    int width = DotProducts.BLOCK;
    float[][] acc = new float[4][width];
    for (int l = 0; l < nlist; l++) {
      int[] who = probing[l];
      if (who == null || members[l].length == 0) {
        continue;
      }
      int[] ids = members[l];
      for (int b = 0; b < blocks[l].length; b++) {
        int base = b * width;
        int columns = Math.min(width, ids.length - base);
        for (int g = 0; g < who.length; g += 4) {
          // A short last group repeats its last row; the repeats are not offered.
          int r0 = who[g];
          int r1 = who[Math.min(who.length - 1, g + 1)];
          int r2 = who[Math.min(who.length - 1, g + 2)];
          int r3 = who[Math.min(who.length - 1, g + 3)];
          DotProducts.dot4(
              blocks[l][b], queries[chunk[r0]], queries[chunk[r1]], queries[chunk[r2]], queries[chunk[r3]], acc[0],
              acc[1], acc[2], acc[3]);
          for (int q = 0; q < 4 && g + q < who.length; q++) {
            int r = who[g + q];
            offer(acc[q], columns, ids, base, self ? chunk[r] : -1, best[r], bestIndex[r]);
          }
        }
      }
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(bestIndex[r], 0, indices, chunk[r] * k, k);
      System.arraycopy(best[r], 0, sims, chunk[r] * k, k);
    }
  }

  /*
   * A query whose probed lists held fewer than k candidates (possible only with tiny or lopsided
   * lists) gets the exact search, so every row has k real neighbours.
   */
  private static void fillShortRows(
      float[][] queries, float[][] references, int k, int threads, boolean self, int[] indices, float[] sims) {
    List<Integer> shortRows = new ArrayList<>();
    for (int i = 0; i < queries.length; i++) {
      if (indices[i * k + k - 1] < 0) {
        shortRows.add(i);
      }
    }
    for (int i : shortRows) {
      Knn one = Knn.exact(new float[][] {queries[i]}, references, Math.min(k + 1, references.length), threads, false);
      int r = 0;
      for (int rank = 0; rank < one.k() && r < k; rank++) {
        int j = one.neighbour(0, rank);
        if (self && j == i) {
          continue;
        }
        indices[i * k + r] = j;
        sims[i * k + r] = one.similarity(0, rank);
        r++;
      }
    }
  }

  /**
   * Inserts the columns that beat the current k-th best into a list sorted by decreasing value;
   * equal values by increasing index, as in the exact search.
   */
  private static void offer(float[] acc, int columns, int[] ids, int base, int self, float[] best, int[] bestIndex) {
    int k = best.length;
    for (int j = 0; j < columns; j++) {
      float s = acc[j];
      int id = ids[base + j];
      if (id == self || !beats(s, id, best[k - 1], bestIndex[k - 1])) {
        continue;
      }
      int p = k - 1;
      while (p > 0 && beats(s, id, best[p - 1], bestIndex[p - 1])) {
        best[p] = best[p - 1];
        bestIndex[p] = bestIndex[p - 1];
        p--;
      }
      best[p] = s;
      bestIndex[p] = id;
    }
  }

  private static boolean beats(float s, int id, float other, int otherId) {
    return s > other || (s == other && otherId >= 0 && id < otherId);
  }

  /** Unit centroids of k-means (Lloyd, from a seeded sample) over a seeded sample of the rows. */
  private static float[][] centroids(float[][] rows, int nlist, int threads) {
    int m = rows.length;
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Random random = new Random(SEED);
    for (int i = m - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int sample = Math.min(m, Math.max(nlist, nlist * TRAINING_PER_LIST));
    float[][] training = new float[sample][];
    int[] picked = Arrays.copyOf(order, sample);
    Arrays.sort(picked);
    for (int i = 0; i < sample; i++) {
      training[i] = rows[picked[i]];
    }
    float[][] start = new float[nlist][];
    for (int j = 0; j < nlist; j++) {
      start[j] = rows[order[j]];
    }
    float[][] c = KMeans.lloyd(training, start, ITERATIONS, threads).centroids();
    for (float[] v : c) {
      Vectors.normalise(v);
    }
    return c;
  }

  /** The most similar centroid of every row. */
  private static int[] nearest(float[][] rows, float[][] centroids, int threads) {
    Knn one = Knn.exact(rows, centroids, 1, threads, false);
    int[] out = new int[rows.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = one.neighbour(i, 0);
    }
    return out;
  }

  /** The rows of each list, in increasing order. */
  private static int[][] members(int[] listOf, int nlist) {
    int[] counts = new int[nlist];
    for (int l : listOf) {
      counts[l]++;
    }
    int[][] out = new int[nlist][];
    for (int l = 0; l < nlist; l++) {
      out[l] = new int[counts[l]];
    }
    int[] filled = new int[nlist];
    for (int i = 0; i < listOf.length; i++) {
      out[listOf[i]][filled[listOf[i]]++] = i;
    }
    return out;
  }
}
