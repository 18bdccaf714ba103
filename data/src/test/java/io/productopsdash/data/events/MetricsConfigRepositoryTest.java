package io.productopsdash.data.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.Database;
import io.productopsdash.data.SettingsRepository;
import io.productopsdash.models.MetricsConfig;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration in a real SQLite file: saved and found again, also in the shape earlier versions stored. */
class MetricsConfigRepositoryTest {
  private final MetricsConfigRepository repository = new MetricsConfigRepository();

  @Test
  void savesAndFindsARegionAndAnOffsetZone(@TempDir Path dir) {
    try (Database db = Database.open(dir)) {
      assertThat(db.read(repository::find)).isEmpty();
      for (String zone : new String[] {"Europe/Berlin", "UTC"}) {
        MetricsConfig config = MetricsConfig.walletExample(ZoneId.of(zone));
        db.write(c -> {
          repository.save(c, config);
          return null;
        });
        assertThat(db.read(repository::find)).contains(config);
      }
    }
  }

  @Test
  void readsTheShapeEarlierVersionsStored(@TempDir Path dir) {
    // Gson's reflection of the record, as stored before the configuration had one JSON form.
    String stored = "{\"signupEvent\":\"Signed Up\",\"firstTransactionEvents\":[\"Deposit Completed\"],"
        + "\"supportTicketEvent\":\"Support Ticket Created\",\"featureAreas\":[{\"name\":\"Wallet home\","
        + "\"eventPatterns\":[\"Wallet *\",\"Balance Viewed\"],\"pathPatterns\":[\"/wallet*\",\"/\"]},"
        + "{\"name\":\"Atomic swap\",\"eventPatterns\":[\"Swap *\"],\"pathPatterns\":[\"/swap*\"]},"
        + "{\"name\":\"Multi-chain\",\"eventPatterns\":[\"Chain *\",\"Network Switched\"],\"pathPatterns\":[\"/chains*\"]}],"
        + "\"zone\":\"Europe/Berlin\",\"conversionWindowDays\":30,\"sourceProperty\":\"source\",\"segmentTrait\":\"plan\"}";
    try (Database db = Database.open(dir)) {
      db.write(c -> {
        new SettingsRepository().put(c, MetricsConfigRepository.KEY, stored);
        return null;
      });
      assertThat(db.read(repository::find)).contains(MetricsConfig.walletExample(ZoneId.of("Europe/Berlin")));
    }
  }
}
