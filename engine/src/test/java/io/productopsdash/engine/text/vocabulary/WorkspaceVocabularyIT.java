package io.productopsdash.engine.text.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.Database;
import io.productopsdash.data.events.MetricsConfigRepository;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.SurveyDraft;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace's vocabulary assembled from a real SQLite file: glossary, configuration, events, surveys. */
class WorkspaceVocabularyIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-18T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static void event(Database db, long id, String type, String name) {
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO events (id, message_id, type, name, user_id, ts, received_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setString(2, "m-" + id);
            ps.setString(3, type);
            ps.setString(4, name);
            ps.setString(5, "u");
            ps.setLong(6, 0);
            ps.setLong(7, 0);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Test
  void theWorkspaceAddsItsOwnNamesToTheBuiltInList() {
    try (Database db = Database.open(dir)) {
      WorkspaceVocabulary vocabulary = WorkspaceVocabulary.of(db);
      assertThat(WorkspaceVocabulary.of(db)).isSameAs(vocabulary);
      // Nothing saved: Segment's spec names, no glossary, no surveys.
      assertThat(vocabulary.parts().glossary()).isEmpty();
      assertThat(vocabulary.parts().configuration()).contains("Signed Up", "Order Completed");
      assertThat(vocabulary.current().size()).isGreaterThan(ProductVocabulary.builtIn().size());

      db.write(
          c -> {
            new MetricsConfigRepository().save(c, MetricsConfig.walletExample(ZoneOffset.UTC));
            return null;
          });
      new SurveyService(db, CLOCK)
          .create(
              new SurveyDraft(
                  "Quarry pulse", "How do you like Quarry?", new Scale(ScoreKind.CSAT, 7, "Bad", "Great", 2),
                  "What should Quarry do next?", 1.0, 4, true));
      event(db, 1, "track", "Vault Boost Enabled");
      event(db, 2, "page", "Jasper Dashboard");
      event(db, 3, "identify", "Not An Event Name");

      WorkspaceVocabulary.Parts parts = vocabulary.parts();
      assertThat(parts.configuration())
          .contains("Atomic swap", "Atomic", "Multi-chain", "Deposit Completed", "Vault Boost Enabled", "Vault", "Jasper")
          .doesNotContain("Not An Event Name");
      assertThat(parts.surveys()).contains("Quarry pulse", "Quarry", "Great");
      ProductVocabulary current = vocabulary.current();
      assertThat(current.contains("Jasper")).isTrue();
      assertThat(current.contains("Solana")).isTrue();
      assertThat(current.contains("Maria")).isFalse();

      // New events are read incrementally; the glossary applies from the next read on.
      event(db, 4, "screen", "Ledgerly Sync");
      vocabulary.saveGlossary(new Glossary(List.of("Smart Send", "Hannah Jasper")));
      ProductVocabulary later = vocabulary.current();
      assertThat(later.contains("Ledgerly")).isTrue();
      assertThat(later.contains("Smart Send")).isTrue();
      assertThat(later.contains("Hannah Jasper")).isTrue();
      assertThat(vocabulary.parts().glossary()).containsExactly("Smart Send", "Hannah Jasper");
      assertThat(vocabulary.current()).as("unchanged terms give the same instance").isSameAs(later);
    }
  }
}
