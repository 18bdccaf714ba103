package io.productopsdash.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live indexer's preparation (CoreNLP in the product) waits while answers arrive in bulk, so
 * it does not take the cores the answer path needs, and runs on everything once the burst is over.
 */
class LiveIndexerIT {
  @TempDir Path dir;

  @Test
  void thePreparationWaitsOutABurstThenTakesEverything() throws Exception {
    AtomicLong submittedSoFar = new AtomicLong();
    List<Long> submittedAtFirstPreparation = new CopyOnWriteArrayList<>();
    List<Long> prepared = new CopyOnWriteArrayList<>();
    LiveIndexer.Preparation recording = ids -> {
      if (submittedAtFirstPreparation.isEmpty()) {
        submittedAtFirstPreparation.add(submittedSoFar.get());
      }
      prepared.addAll(ids);
    };
    int burst = 0;
    try (Database db = Database.open(dir.resolve("db"));
        AnswerIndex index = AnswerIndex.open(dir.resolve("index"));
        LiveIndexer live = new LiveIndexer(db, index, new AnswerIndexer(ZoneOffset.UTC), recording)) {
      // About 5,000 ids a second for 1.5 s: ten times the rate at which the preparation waits.
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
      while (System.nanoTime() < end) {
        live.submit(++burst);
        submittedSoFar.set(burst);
        LockSupport.parkNanos(200_000);
      }
      assertThat(live.awaitIndexed(Duration.ofSeconds(60))).isTrue();
    }
    assertThat(burst).isGreaterThan(3 * LiveIndexer.BUSY_RATE / 2);
    assertThat(prepared).hasSize(burst);
    // The first preparation came after (nearly) the whole burst, not during it.
    assertThat(submittedAtFirstPreparation.get(0)).isGreaterThanOrEqualTo((long) (0.8 * burst));
  }

  @Test
  void aTrickleIsPreparedAsItComes() throws Exception {
    List<Long> prepared = new CopyOnWriteArrayList<>();
    try (Database db = Database.open(dir.resolve("db"));
        AnswerIndex index = AnswerIndex.open(dir.resolve("index"));
        LiveIndexer live = new LiveIndexer(db, index, new AnswerIndexer(ZoneOffset.UTC), prepared::addAll)) {
      live.submit(1);
      assertThat(live.awaitIndexed(Duration.ofSeconds(30))).isTrue();
      assertThat(prepared).containsExactly(1L);
      live.submit(2);
      live.submit(3);
      assertThat(live.awaitIndexed(Duration.ofSeconds(30))).isTrue();
      assertThat(prepared).containsExactly(1L, 2L, 3L);
    }
  }
}
