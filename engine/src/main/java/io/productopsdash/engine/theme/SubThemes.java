package io.productopsdash.engine.theme;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.engine.cluster.ClassTfIdfLabeler;
import io.productopsdash.engine.cluster.ThemeLabeler;
import io.productopsdash.engine.text.enrich.CoreNlpThemeLabeler;
import io.productopsdash.models.Answer;
import io.productopsdash.models.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The sub-themes of one stored theme week, described at read time from what the run stored: the
 * answers' sub-theme assignments, their enrichment rows and their vectors. Labels come from the
 * labeller of the run ({@link CoreNlpThemeLabeler} over the stored lemmas and noun phrases when
 * every answer has a current row, else {@link ClassTfIdfLabeler}), applied to the sub-themes of the
 * theme, so a label says what sets a sub-theme apart from its siblings. Quotes are chosen by the
 * same maximal marginal relevance as the theme's ({@link WeeklyThemeRun}); without stored vectors
 * they are the sub-theme's first answers by id. No model is loaded.
 */
public final class SubThemes {
  /** Quotes per sub-theme. */
  public static final int QUOTES = 2;

  private static final ThemeRepository THEMES = new ThemeRepository();
  private static final AnswerRepository ANSWERS = new AnswerRepository();
  private static final EnrichmentRepository ENRICHMENTS = new EnrichmentRepository();

  /**
   * One sub-theme.
   *
   * @param index the sub-theme's number within its theme, from 0
   * @param size answers in it
   * @param label 2-5 words
   * @param quotes ids of 1-2 representative answers
   */
  public record SubTheme(int index, int size, String label, List<Long> quotes) {
    public SubTheme {
      Objects.requireNonNull(label, "label");
      quotes = List.copyOf(quotes);
      if (size < 1) {
        throw new IllegalArgumentException("Invalid sub-theme size: " + size);
      }
    }
  }

  private SubThemes() {}

  /**
   * The sub-themes of theme {@code themeId} in {@code week}, by index; empty when the theme has no
   * answers that week.
   *
   * @param model the embedding model whose stored vectors choose the quotes
   */
  public static List<SubTheme> of(Database db, long themeId, WeekId week, String model) {
    return db.read(
        c -> {
          Map<Long, Integer> subOf = THEMES.subThemes(c, themeId, week);
          List<Answer> answers = ANSWERS.listByIds(c, subOf.keySet());
          Map<Long, EnrichmentRepository.Row> rows = ENRICHMENTS.find(c, subOf.keySet());
          Map<Long, float[]> vectors = THEMES.embeddings(c, subOf.keySet(), model);
          return describe(answers, subOf, rows, vectors);
        });
  }

  private static List<SubTheme> describe(
      List<Answer> answers, Map<Long, Integer> subOf, Map<Long, EnrichmentRepository.Row> rows, Map<Long, float[]> vectors) {
    // Sub-theme numbers as stored may have gaps; labels need 0..k-1.
    TreeMap<Integer, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < answers.size(); i++) {
      members.computeIfAbsent(subOf.get(answers.get(i).id()), s -> new ArrayList<>()).add(i);
    }
    if (members.isEmpty()) {
      return List.of();
    }
    List<Integer> indices = new ArrayList<>(members.keySet());
    int[] dense = new int[answers.size()];
    for (int i = 0; i < answers.size(); i++) {
      dense[i] = indices.indexOf(subOf.get(answers.get(i).id()));
    }
    List<String> texts = answers.stream().map(Answer::comment).toList();
    boolean enriched = answers.stream().allMatch(a -> rows.containsKey(a.id()));
    ThemeLabeler labeler =
        enriched ? CoreNlpThemeLabeler.fromRows(answers, rows, null) : ClassTfIdfLabeler.of(ClassTfIdfLabeler.DEFAULT_TERMS);
    List<String> labels = labeler.labels(texts, dense, indices.size());
    boolean embedded = answers.stream().allMatch(a -> vectors.containsKey(a.id()));
    float[][] unit = new float[answers.size()][];
    if (embedded) {
      for (int i = 0; i < answers.size(); i++) {
        unit[i] = ThemeGeometry.unit(vectors.get(answers.get(i).id()));
      }
    }
    double lambda = WeeklyThemeRun.Options.defaults().lambda();
    List<SubTheme> out = new ArrayList<>();
    for (int s = 0; s < indices.size(); s++) {
      int[] m = members.get(indices.get(s)).stream().mapToInt(Integer::intValue).toArray();
      List<Long> quotes;
      if (embedded) {
        quotes = ThemeGeometry.quotes(unit, m, ThemeGeometry.centroid(unit, m), QUOTES, lambda, answers);
      } else {
        quotes = new ArrayList<>();
        for (int r = 0; r < Math.min(QUOTES, m.length); r++) {
          quotes.add(answers.get(m[r]).id());
        }
      }
      out.add(new SubTheme(indices.get(s), m.length, labels.get(s), quotes));
    }
    return List.copyOf(out);
  }

  /**
   * The sub-theme of each of a theme's week members ({@code rows} of the unit {@code vectors}):
   * the members clustered again with the graph method at its standard resolution, communities under
   * {@code max(}{@value #MIN_SUB_THEME}{@code , 5%)} of the theme dissolved; a theme of fewer than
   * twice that has one sub-theme.
   */
  static int[] split(float[][] vectors, int[] rows) {
    int m = rows.length;
    if (m < 2 * MIN_SUB_THEME) {
      return new int[m];
    }
    float[][] x = new float[m][];
    for (int r = 0; r < m; r++) {
      x[r] = vectors[rows[r]];
    }
    io.productopsdash.engine.cluster.ClusteringOptions options =
        io.productopsdash.engine.cluster.ClusteringOptions.defaults().toBuilder()
            .referenceRows(0)
            .topLevel(false)
            .modularityPruning(false)
            .minClusterFraction(Math.max(0.05, (double) MIN_SUB_THEME / m))
            .threads(1)
            .build();
    return io.productopsdash.engine.cluster.ThemeClustering.fit(x, options).assignments();
  }

  /** Fewest answers of a sub-theme. */
  static final int MIN_SUB_THEME = 5;
}
