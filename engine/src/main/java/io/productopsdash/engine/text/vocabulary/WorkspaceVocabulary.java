package io.productopsdash.engine.text.vocabulary;

import io.productopsdash.data.Database;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.data.VocabularyRepository;
import io.productopsdash.data.events.MetricsConfigRepository;
import io.productopsdash.models.FeatureArea;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Survey;
import java.lang.ref.WeakReference;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A workspace's product vocabulary: the {@linkplain ProductVocabulary#builtIn() built-in list}
 * plus what the workspace itself names, read from its database at each {@link #current()}:
 *
 * <ul>
 *   <li>the PM's {@link Glossary}, whole terms as written;
 *   <li>the metrics configuration's feature areas, signup, first-transaction and support events,
 *       and every track, page and screen event name seen (new events are read incrementally);
 *   <li>the surveys' names, questions and scale labels;
 * </ul>
 *
 * the configuration and survey names both whole and word by word ("Atomic swap" protects
 * "Atomic"), since comments quote them loosely. The glossary applies to comments enriched after it
 * was saved: earlier comments were already stored without the names they held. Thread-safe; one
 * instance per database ({@link #of}), so the event scan is shared.
 */
public final class WorkspaceVocabulary {
  private static final Map<Database, WorkspaceVocabulary> BY_DATABASE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /* Weak, so that the map's entry goes with its database (a value holding its key strongly would
   * keep both forever). */
  private final WeakReference<Database> database;
  private final VocabularyRepository repository = new VocabularyRepository();
  private final MetricsConfigRepository metrics = new MetricsConfigRepository();
  private final SurveyRepository surveys = new SurveyRepository();
  /* Guarded by this. */
  private final Set<String> eventNames = new LinkedHashSet<>();
  private long eventsReadUpTo;
  private List<String> lastTerms = List.of();
  private ProductVocabulary last = ProductVocabulary.builtIn();

  private WorkspaceVocabulary(Database db) {
    this.database = new WeakReference<>(Objects.requireNonNull(db, "db"));
  }

  private Database db() {
    Database db = database.get();
    if (db == null) {
      throw new IllegalStateException("The workspace's database is gone");
    }
    return db;
  }

  /** The vocabulary of the workspace stored in {@code db}, one instance per database. */
  public static WorkspaceVocabulary of(Database db) {
    return BY_DATABASE.computeIfAbsent(db, WorkspaceVocabulary::new);
  }

  /** Replaces the PM's glossary; comments enriched from now on keep its terms. */
  public void saveGlossary(Glossary glossary) {
    db().write(
        c -> {
          repository.saveGlossary(c, glossary.terms());
          return null;
        });
  }

  /** What the workspace adds to the built-in list, by source. */
  public record Parts(List<String> glossary, List<String> configuration, List<String> surveys) {}

  /** The vocabulary now: built-in plus the workspace's terms as stored at this moment. */
  public synchronized ProductVocabulary current() {
    Parts parts = parts();
    List<String> terms = new ArrayList<>();
    terms.addAll(parts.glossary());
    terms.addAll(parts.configuration());
    terms.addAll(parts.surveys());
    if (!terms.equals(lastTerms)) {
      last = ProductVocabulary.builtIn().with(terms);
      lastTerms = List.copyOf(terms);
    }
    return last;
  }

  /** The workspace's own terms by source (the glossary, configuration and events, surveys). */
  public synchronized Parts parts() {
    return db().read(
        c -> {
          VocabularyRepository.EventNames fresh = repository.eventNamesAfter(c, eventsReadUpTo);
          eventNames.addAll(fresh.names());
          eventsReadUpTo = fresh.lastId();
          MetricsConfig config =
              metrics.find(c).orElse(MetricsConfig.segmentSpec(ZoneOffset.UTC));
          Set<String> configuration = new LinkedHashSet<>();
          for (FeatureArea area : config.featureAreas()) {
            wholeAndWords(area.name(), configuration);
          }
          wholeAndWords(config.signupEvent(), configuration);
          config.firstTransactionEvents().forEach(e -> wholeAndWords(e, configuration));
          if (config.supportTicketEvent() != null) {
            wholeAndWords(config.supportTicketEvent(), configuration);
          }
          eventNames.forEach(e -> wholeAndWords(e, configuration));
          Set<String> surveyWords = new LinkedHashSet<>();
          for (Survey s : surveys.list(c)) {
            for (String text :
                new String[] {
                  s.definition().name(),
                  s.definition().question(),
                  s.definition().openQuestion(),
                  s.definition().scale().minLabel(),
                  s.definition().scale().maxLabel()
                }) {
              if (text != null) {
                wholeAndWords(text, surveyWords);
              }
            }
          }
          return new Parts(
              repository.glossary(c), List.copyOf(configuration), List.copyOf(surveyWords));
        });
  }

  private static void wholeAndWords(String name, Set<String> out) {
    out.add(name);
    for (ProductVocabulary.Word w : ProductVocabulary.words(name)) {
      out.add(name.substring(w.start(), w.end()));
    }
  }
}
