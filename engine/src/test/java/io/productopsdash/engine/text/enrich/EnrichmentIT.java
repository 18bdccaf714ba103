package io.productopsdash.engine.text.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrichment, sentiment and labels through the real CoreNLP models. The models load once for the
 * whole test JVM: the enricher and the analyzer are the process-wide shared instances.
 */
class EnrichmentIT {
  private static final Enricher ENRICHER = Enricher.shared();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void sharedInstancesAreBuiltOnce() {
    assertThat(Enricher.shared()).isSameAs(ENRICHER);
    assertThat(SentimentAnalyzer.shared()).isSameAs(SentimentAnalyzer.shared());
  }

  @Test
  void lemmasAreContentWordsInTheirDictionaryForm() {
    Enrichment e = ENRICHER.enrich("I love the swaps but the fees are too high.");
    assertThat(e.text()).isEqualTo("I love the swaps but the fees are too high.");
    assertThat(e.tokens()).contains("swaps", "fees", "love");
    assertThat(e.lemmas()).contains("swap", "fee", "love", "high").doesNotContain("be", "the");
    assertThat(e.nounPhrases()).containsExactly("swap", "fee");
    assertThat(e.namesRedacted()).isZero();
  }

  @Test
  void nounPhrasesAreAdjectiveNounRunsOfUpToFourWords() {
    Enrichment e =
        ENRICHER.enrich(
            "The new wallet home screen is confusing. Multi-chain transaction history would help.");
    assertThat(e.nounPhrases()).contains("new wallet home screen");
    assertThat(e.nounPhrases()).anyMatch(p -> p.endsWith("transaction history"));
    assertThat(e.nounPhrases()).allMatch(p -> p.split(" ").length <= 4);
    assertThat(ENRICHER.enrich("My card payment failed today.").nounPhrases())
        .containsExactly("card payment");
    assertThat(e.nounPhrases()).allMatch(p -> p.equals(p.toLowerCase(java.util.Locale.ROOT)));
  }

  @Test
  void placeholdersAlreadyStoredGiveNoLemmasAndProductWordsStay() {
    Enrichment e = ENRICHER.enrich("Please add Solana support, mail [email] or ask [name] about my [card number]");
    assertThat(e.text()).isEqualTo("Please add Solana support, mail [email] or ask [name] about my [card number]");
    assertThat(e.namesRedacted()).isZero();
    assertThat(e.lemmas()).contains("solana", "support").doesNotContain("email", "name", "card", "number");
    assertThat(String.join(" ", e.nounPhrases())).doesNotContain("email", "name", "card");
  }

  @Test
  void namesAndSecretsLeaveNoTokensAndArePlaceholders() {
    Enrichment e =
        ENRICHER.enrich("Jane Doe from support was great, write to me at jane.doe@example.com please.");
    assertThat(e.text()).isEqualTo("[name] from support was great, write to me at [email] please.");
    assertThat(e.namesRedacted()).isEqualTo(1);
    assertThat(String.join(" ", e.tokens())).doesNotContainIgnoringCase("jane").doesNotContain("doe");
    assertThat(e.lemmas()).doesNotContain("jane", "doe", "name", "email");
  }

  @Test
  void sentimentFollowsThePolarityOfTheSentences() {
    SentimentAnalyzer analyzer = SentimentAnalyzer.shared();
    Sentiment bad = analyzer.analyze("This app is terrible and the fees are awful. I hate it.");
    assertThat(bad.label()).isEqualTo(Sentiment.Label.NEGATIVE);
    assertThat(bad.score()).isLessThan(0);
    assertThat(bad.sentences()).isEqualTo(2);
    Sentiment good = analyzer.analyze("I love this wallet, swaps are fast and easy. Great job!");
    assertThat(good.label()).isEqualTo(Sentiment.Label.POSITIVE);
    assertThat(analyzer.analyze("  ").label()).isEqualTo(Sentiment.Label.NEUTRAL);
  }

  @Test
  void enrichmentIsStoredOnceRedactsStoredCommentsAndRedoesChangedText() throws Exception {
    try (Database db = Database.open(dir)) {
      Survey s =
          new SurveyService(db, CLOCK)
              .create(
                  new SurveyDraft(
                      "Weekly",
                      "How satisfied are you?",
                      new Scale(ScoreKind.CSAT, 7, "bad", "good", 2),
                      "Better how?",
                      1.0,
                      4,
                      true));
      List<String> comments =
          List.of(
              "The swap fees are far too high.",
              "Michael Brown from your support team fixed my deposit quickly.",
              "Terrible app, it crashes every time I open my wallet.",
              "Love the multi-chain view.");
      List<Long> ids = new ArrayList<>();
      db.write(
          c -> {
            AnswerRepository answers = new AnswerRepository();
            for (int i = 0; i < comments.size(); i++) {
              ids.add(
                  answers
                      .insert(
                          c, "r" + i, s.id(), "u" + i, WeekId.parse("2026-W10"), 5, comments.get(i),
                          "en", null, CLOCK.instant())
                      .id());
            }
            answers.insert(
                c, "r-none", s.id(), "u-none", WeekId.parse("2026-W10"), 6, null, "en", null,
                CLOCK.instant());
            return null;
          });

      EnrichmentService service =
          new EnrichmentService(db, ENRICHER, CLOCK, new EnrichmentService.Options(2, 1));
      List<int[]> progress = new ArrayList<>();
      EnrichmentService.Result first =
          service.enrichPending((done, total) -> progress.add(new int[] {done, total}));
      assertThat(first.candidates()).isEqualTo(4);
      assertThat(first.enriched()).isEqualTo(4);
      assertThat(first.commentsRewritten()).isEqualTo(1);
      assertThat(progress).hasSize(4);
      assertThat(progress.get(3)).containsExactly(4, 4);

      Map<Long, String> stored = comments(db);
      assertThat(stored.get(ids.get(1)))
          .isEqualTo("[name] from your support team fixed my deposit quickly.");
      assertThat(stored.get(ids.get(0))).isEqualTo(comments.get(0));
      Map<Long, EnrichmentRepository.Row> rows = rows(db);
      assertThat(rows).hasSize(4);
      assertThat(rows.get(ids.get(0)).nounPhrases()).contains("swap fee");
      assertThat(rows.get(ids.get(1)).lemmas()).doesNotContain("michael", "brown");
      assertThat(rows.get(ids.get(1)).textSha256())
          .isEqualTo(EnrichmentService.sha256(stored.get(ids.get(1))));
      assertThat(rows.values()).allMatch(r -> r.sentiment() == null);

      EnrichmentService.Result second = service.enrichPending((done, total) -> {});
      assertThat(second.candidates()).isEqualTo(4);
      assertThat(second.enriched()).isZero();

      try (SentimentWorker worker = new SentimentWorker(db, SentimentAnalyzer.shared(), CLOCK, 2)) {
        SentimentWorker.Report report = worker.start().get(3, TimeUnit.MINUTES);
        assertThat(report.answers()).isEqualTo(4);
        assertThat(report.answersPerSecond()).isPositive();
        assertThat(rows(db).get(ids.get(2)).sentiment()).isEqualTo("negative");
        assertThat(rows(db).values()).allMatch(r -> r.sentimentAt() != null);
        assertThat(worker.start().get(1, TimeUnit.MINUTES).answers()).isZero();
      }

      db.write(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("UPDATE answers SET comment = ? WHERE id = ?")) {
              ps.setString(1, "Card payments keep failing at checkout.");
              ps.setLong(2, ids.get(3));
              ps.executeUpdate();
            }
            return null;
          });
      EnrichmentService.Result third = service.enrichPending((done, total) -> {});
      assertThat(third.enriched()).isEqualTo(1);
      EnrichmentRepository.Row changed = rows(db).get(ids.get(3));
      assertThat(changed.lemmas()).contains("payment", "fail", "checkout");
      assertThat(changed.sentiment()).isNull();
    }
  }

  @Test
  void labelsNameTheObviousTopicOfEachTheme() {
    List<String> texts =
        List.of(
            "The swap fees are too high.",
            "High swap fees make me use another exchange.",
            "Please lower the swap fees, they are expensive.",
            "Swap fees ate half of my trade.",
            "The app crashes when I open my wallet.",
            "It crashes on startup since the last update.",
            "Constant crashes after the update, the app is unusable.",
            "The wallet app crashes every time I scan a QR code.",
            "Please add dark mode.",
            "A dark mode would be easier on my eyes at night.",
            "I wish there was a dark mode option.",
            "Dark mode please, the white screen is too bright.");
    int[] themes = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
    List<Enrichment> enrichments = texts.stream().map(ENRICHER::enrich).collect(Collectors.toList());
    CoreNlpThemeLabeler labeler = CoreNlpThemeLabeler.of(enrichments);
    List<CoreNlpThemeLabeler.ThemeTerms> described = labeler.describe(texts, themes, 3);

    assertThat(described.get(0).label()).contains("swap fee");
    assertThat(described.get(1).label()).contains("crash");
    assertThat(described.get(2).label()).contains("dark mode");
    for (CoreNlpThemeLabeler.ThemeTerms t : described) {
      int words = t.label().replace(",", "").split(" ").length;
      assertThat(words).isBetween(2, 5);
      assertThat(t.keywords()).hasSizeLessThanOrEqualTo(10).isNotEmpty();
    }
    assertThat(labeler.labels(texts, themes, 3))
        .containsExactly(described.get(0).label(), described.get(1).label(), described.get(2).label());
    assertThat(CoreNlpThemeLabeler.enriching(ENRICHER).labels(texts, themes, 3))
        .isEqualTo(labeler.labels(texts, themes, 3));
  }

  private static Map<Long, String> comments(Database db) {
    return db.read(
        c -> {
          Map<Long, String> out = new java.util.HashMap<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT id, comment FROM answers");
              java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getLong(1), rs.getString(2));
            }
          }
          return out;
        });
  }

  private static Map<Long, EnrichmentRepository.Row> rows(Database db) {
    return db.read(new EnrichmentRepository()::all).stream()
        .collect(Collectors.toMap(EnrichmentRepository.Row::answerId, r -> r));
  }
}
