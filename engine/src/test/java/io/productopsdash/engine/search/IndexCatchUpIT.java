package io.productopsdash.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.text.enrich.Enricher;
import io.productopsdash.engine.text.enrich.EnrichmentService;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeping the index true: a process killed with answers acknowledged but not (all) committed to
 * the index, themes and sentiment changed in SQLite meanwhile; the next open's catch-up makes the
 * index equal to a full rebuild, and a second catch-up finds nothing to do.
 */
class IndexCatchUpIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
  private static final List<String> WEEKS = List.of("2026-W10", "2026-W11", "2026-W12");
  private static final String[] TOPICS = {
    "The swap fees are far too high", "Login fails after the update", "Please add a dark mode",
    "Support never answered my ticket", "Sending tokens is slow"
  };

  @TempDir Path dir;
  private final AnswerIndexer indexer = new AnswerIndexer(ZoneOffset.UTC);
  private final AnswerRepository answers = new AnswerRepository();
  private Survey survey;

  @Test
  void catchUpAfterAKillEqualsAFullRebuild() throws Exception {
    try (Database db = Database.open(dir.resolve("db"))) {
      survey = new SurveyService(db, CLOCK).create(new SurveyDraft("Weekly", "How satisfied are you?",
          new Scale(ScoreKind.CSAT, 7, "bad", "good", 2), "Better how?", 1.0, 4, true));
      List<Long> first = insertAnswers(db, 0, 30);
      db.write(c -> theme(c, 1, "2026-W10", "Fees", first.subList(0, 10)));
      Path live = dir.resolve("index");
      Path crashed = dir.resolve("crashed");
      List<Long> second;
      try (AnswerIndex index = AnswerIndex.open(live)) {
        // A fresh index has no schema version recorded: the first catch-up indexes everything.
        assertThat(indexer.catchUp(db, index, AnswerIndexer.Progress.NONE)).isEqualTo(30);
        assertThat(indexer.catchUp(db, index, AnswerIndexer.Progress.NONE)).isZero();

        // While serving: ten answers arrive, a theme run renames W10's theme and themes W11, sentiment lands.
        second = insertAnswers(db, 30, 10);
        db.write(c -> {
          update(c, "UPDATE themes SET name = 'Fees and pricing' WHERE id = 1");
          theme(c, 2, "2026-W11", "Login", List.of(first.get(11), first.get(14)));
          update(c, "UPDATE answer_enrichment SET sentiment = 'NEGATIVE', sentiment_score = 0.1,"
              + " sentiment_at = '2026-03-02T10:00:00Z' WHERE answer_id = " + first.get(21));
          return null;
        });
        // The live indexer got four of the new answers committed, the rest were still pending...
        LiveIndexer liveIndexer = new LiveIndexer(db, index, indexer);
        second.subList(0, 4).forEach(liveIndexer::submit);
        assertThat(liveIndexer.awaitIndexed(Duration.ofSeconds(30))).isTrue();
        liveIndexer.close();
        for (long id : second.subList(4, 10)) {
          index.upsert(indexer.record(db.read(c -> new io.productopsdash.data.SearchSourceRepository()
              .byIds(c, List.of(id))).get(0)));
        }
        // ... when the process was killed: what is on disk is the last commit (plus debris).
        copy(live, crashed);
      }

      try (AnswerIndex reopened = AnswerIndex.open(crashed);
          AnswerIndex rebuilt = AnswerIndex.open(dir.resolve("rebuilt"))) {
        AnswerSearch afterCrash = new AnswerSearch(reopened);
        assertThat(afterCrash.search(everyAnswer()).totalHits()).isEqualTo(34);
        assertThat(afterCrash.search(everyAnswer().withFilters(SearchFilters.none().withTheme("2"))).totalHits())
            .isZero();

        List<int[]> progress = new ArrayList<>();
        // W10 (label), W11 (themes), W12 (sentiment, new answers) and W13 (new) changed: all 40 answers.
        int caughtUp = indexer.catchUp(db, reopened, (done, total) -> progress.add(new int[] {done, total}));
        assertThat(caughtUp).isEqualTo(40);
        assertThat(progress.get(progress.size() - 1)).containsExactly(40, 40);
        assertThat(indexer.catchUp(db, reopened, AnswerIndexer.Progress.NONE)).isZero();

        assertThat(indexer.rebuild(db, rebuilt, AnswerIndexer.Progress.NONE)).isEqualTo(40);
        AnswerSearch fromScratch = new AnswerSearch(rebuilt);
        for (SearchRequest q : List.of(
            everyAnswer().withPage(0, 100),
            SearchRequest.of("fees OR login").withPage(0, 100),
            SearchRequest.of("dark mode").withFilters(SearchFilters.none().withWeeks(WeekId.parse("2026-W12"), null)),
            everyAnswer().withFilters(SearchFilters.none().withSentiment("negative")),
            everyAnswer().withFilters(SearchFilters.none().withTheme("2")))) {
          assertThat(comparable(afterCrash.search(q))).as("%s", q).isEqualTo(comparable(fromScratch.search(q)));
        }
        SearchResult all = afterCrash.search(everyAnswer().withPage(0, 100));
        assertThat(all.ids()).containsExactlyInAnyOrderElementsOf(Stream.concat(first.stream(), second.stream()).toList());
        assertThat(all.facets().get(AnswerFields.FACET_THEME)).containsExactly(
            new SearchResult.FacetCount("1", 10), new SearchResult.FacetCount("2", 2));
        assertThat(all.facets().get(AnswerFields.FACET_SENTIMENT)).containsExactly(
            new SearchResult.FacetCount(AnswerIndexer.NO_SENTIMENT, 39), new SearchResult.FacetCount("negative", 1));
        SearchResult.Hit relabelled = all.hits().stream().filter(h -> h.answerId() == first.get(0)).findFirst().get();
        assertThat(relabelled.themeLabel()).isEqualTo("Fees and pricing");
      }
    }
  }

  @Test
  void liveIndexerMakesAnAnswerSearchableWithoutARun() throws Exception {
    try (Database db = Database.open(dir.resolve("db"));
        AnswerIndex index = AnswerIndex.open(dir.resolve("index"))) {
      survey = new SurveyService(db, CLOCK).create(new SurveyDraft("Weekly", "How satisfied are you?",
          new Scale(ScoreKind.CSAT, 7, "bad", "good", 2), "Better how?", 1.0, 4, true));
      indexer.catchUp(db, index, AnswerIndexer.Progress.NONE);
      AnswerSearch search = new AnswerSearch(index);
      // As the server wires it: each batch is enriched (CoreNLP clears person names) before indexing.
      LiveIndexer.Preparation clearNames =
          ids -> new EnrichmentService(db, Enricher.shared(), CLOCK, EnrichmentService.Options.DEFAULT).enrichAnswers(ids);
      try (LiveIndexer live = new LiveIndexer(db, index, indexer, clearNames)) {
        long id = db.write(c -> answers.insert(c, "r-new", survey.id(), "u-new", WeekId.parse("2026-W12"), 2,
            "The gas estimate was wrong twice, Maria Lopez says", "en", null, CLOCK.instant()).id());
        // Not enriched yet: a catch-up or rebuild leaves it out.
        assertThat(indexer.rebuild(db, index, AnswerIndexer.Progress.NONE)).isZero();
        assertThat(search.search(SearchRequest.of("gas")).ids()).isEmpty();
        live.submit(id);
        assertThat(live.awaitIndexed(Duration.ofSeconds(120))).isTrue();
        assertThat(search.search(SearchRequest.of("gas")).ids()).containsExactly(id);
        assertThat(search.search(SearchRequest.of("gas")).hits().get(0).snippet())
            .isEqualTo("The <em>gas</em> estimate was wrong twice, [name] says");
        assertThat(search.search(SearchRequest.of("lopez")).ids()).isEmpty();
        assertThat(db.read(c -> answers.findByResponseId(c, "r-new")).orElseThrow().comment())
            .isEqualTo("The gas estimate was wrong twice, [name] says");
      }
      // The live indexer never records a week as indexed: the next catch-up re-reads W12.
      assertThat(indexer.catchUp(db, index, AnswerIndexer.Progress.NONE)).isEqualTo(1);
    }
    // What was recorded survives a restart: nothing to catch up.
    try (Database db = Database.open(dir.resolve("db"));
        AnswerIndex index = AnswerIndex.open(dir.resolve("index"))) {
      assertThat(indexer.catchUp(db, index, AnswerIndexer.Progress.NONE)).isZero();
      assertThat(new AnswerSearch(index).search(SearchRequest.of("estimate")).totalHits()).isEqualTo(1);
    }
  }

  /*
   * The result without BM25 scores, hits by id: deleted documents still count in the statistics
   * until merged away, so scores (and the order of near ties) may differ from a fresh index.
   */
  private static SearchResult comparable(SearchResult r) {
    List<SearchResult.Hit> hits = r.hits().stream()
        .map(h -> new SearchResult.Hit(h.answerId(), 0, h.week(), h.score(), h.themeId(), h.themeLabel(),
            h.sentiment(), h.snippet()))
        .sorted(java.util.Comparator.comparingLong(SearchResult.Hit::answerId))
        .toList();
    return new SearchResult(r.totalHits(), hits, r.facets(), r.literalFallback());
  }

  private List<Long> insertAnswers(Database db, int from, int n) {
    return db.write(c -> {
      List<Long> ids = new ArrayList<>();
      for (int i = from; i < from + n; i++) {
        String week = i < 30 ? WEEKS.get(i / 10) : "2026-W1" + (2 + (i - 30) / 5);
        String comment = i % 7 == 6 ? null : TOPICS[i % TOPICS.length] + " (" + i + ")";
        long id = answers.insert(c, "r" + i, survey.id(), "u" + i, WeekId.parse(week), 1 + i % 7, comment, "en", null,
            CLOCK.instant()).id();
        if (comment != null) {
          // As the live indexer's enrichment would (no names in these comments): the index only
          // takes comments that went through it.
          new EnrichmentRepository().upsert(c, id, "sha-" + i, List.of(), List.of(), CLOCK.instant());
        }
        ids.add(id);
      }
      return ids;
    });
  }

  private static Void theme(Connection c, long themeId, String week, String label, List<Long> members)
      throws SQLException {
    update(c, "INSERT INTO themes (id, series_id, first_week, label, created_at, name) VALUES (" + themeId
        + ", 1, '" + week + "', '" + label + "', '2026-03-02T10:00:00Z', '" + label + "')");
    update(c, "INSERT INTO theme_weeks (theme_id, week, size, answers_total, label, keywords, quotes, mean_score,"
        + " trend, centroid, name) VALUES (" + themeId + ", '" + week + "', " + members.size() + ", 10, '" + label
        + "', '[]', '[]', 3.0, 'NEW', x'00', '" + label + "')");
    for (long id : members) {
      update(c, "INSERT INTO answer_themes (answer_id, week, theme_id, sub_theme) VALUES (" + id + ", '" + week
          + "', " + themeId + ", NULL)");
    }
    return null;
  }

  private static void update(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  /* Every indexed answer: those without a comment too, identical comments not collapsed. */
  private static SearchRequest everyAnswer() {
    return SearchRequest.of("").withUncommented(true).withCollapsedDuplicates(false);
  }
}
