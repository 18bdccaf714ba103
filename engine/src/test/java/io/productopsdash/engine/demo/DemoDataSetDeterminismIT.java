package io.productopsdash.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.data.Database;
import io.productopsdash.data.SettingsRepository;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives the same data set in two fresh databases (every tally, the hash of every
 * stored answer, the themes and requests found), whether generated whole or ready-to-serve with
 * sentiment afterwards; another seed gives another. Small (400 users)
 * so that three full generations stay quick.
 */
@Timeout(300)
class DemoDataSetDeterminismIT {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final WeekId LAST = WeekId.parse("2026-W10");

  @TempDir Path dir;

  @Test
  void sameSeedSameDataOtherSeedOtherData() throws IOException {
    DemoSummary first = generate("a", 11);
    DemoSummary second = generateReady("b", 11);
    DemoSummary other = generate("c", 12);

    assertThat(second).isEqualTo(first);
    assertThat(second.answersSha256()).isEqualTo(first.answersSha256());
    assertThat(first.users()).isEqualTo(400);
    assertThat(first.answers()).isPositive();
    assertThat(first.events()).isGreaterThan(400 * 10);

    assertThat(other.answersSha256()).isNotEqualTo(first.answersSha256());
    assertThat(other.weeks()).isNotEqualTo(first.weeks());
    assertThat(other.events()).isNotEqualTo(first.events());
    // Same number of users, spread over the same weeks by the same weights.
    assertThat(other.weeks().stream().mapToLong(DemoSummary.WeekTally::signups).sum()).isEqualTo(400);
  }

  @Test
  void theSeedsSamplingKeyIsStoredOnceAndAUsedDatabaseIsRefused() throws IOException {
    try (Database db = Database.open(dir.resolve("used"));
        AnswerIndex index = AnswerIndex.open(dir.resolve("used-index"))) {
      db.write(c -> new SettingsRepository().putIfAbsent(c, DemoDataSet.SAMPLING_KEY_SETTING, "00112233445566778899aabbccddeeff"));
      // A key already there (a workspace opened first) stays: the demo uses it.
      assertThat(DemoDataSet.installSamplingKey(db, 3)).isEqualTo("00112233445566778899aabbccddeeff");
      DemoSettings settings = new DemoSettings(3, 100, LAST, ZONE);
      DemoDataSet.generate(db, index, settings, DemoProgress.NONE);
      assertThatThrownBy(() -> DemoDataSet.generate(db, index, settings, DemoProgress.NONE))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("empty database");
    }
    try (Database db = Database.open(dir.resolve("fresh"))) {
      assertThat(DemoDataSet.installSamplingKey(db, 3)).isEqualTo(DemoDataSet.samplingKeyHex(3));
    }
  }

  /* The serving path: ready before sentiment, which completes afterwards; the data are the same. */
  private DemoSummary generateReady(String name, long seed) throws IOException {
    try (Database db = Database.open(dir.resolve(name));
        AnswerIndex index = AnswerIndex.open(dir.resolve(name + "-index"))) {
      DemoDataSet.Ready ready = DemoDataSet.generateReady(db, index, new DemoSettings(seed, 400, LAST, ZONE), DemoProgress.NONE);
      assertThat(ready.sentimentIndexed().join()).isEqualTo((int) ready.summary().answers());
      return ready.summary();
    }
  }

  private DemoSummary generate(String name, long seed) throws IOException {
    try (Database db = Database.open(dir.resolve(name));
        AnswerIndex index = AnswerIndex.open(dir.resolve(name + "-index"))) {
      return DemoDataSet.generate(db, index, new DemoSettings(seed, 400, LAST, ZONE), DemoProgress.NONE);
    }
  }
}
