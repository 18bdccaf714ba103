package io.productopsdash.engine.text.enrich;

import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.engine.cluster.ThemeLabeler;
import io.productopsdash.models.Answer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Theme labels from class-based TF-IDF (Grootendorst, BERTopic, 2022) over the POS-aware lemmas and
 * noun phrases of each theme's texts: all texts of a theme form one document, and a term's weight
 * in theme c is {@code count(t, c) * log(1 + A / f(t))}, with {@code f(t)} the term's count over
 * all themes and {@code A} the average number of terms per theme. Terms are the content-word lemmas
 * plus the noun phrases of two or more words (a one-word phrase is already a lemma).
 *
 * <p>The label takes terms best first until it has 3 words (at least {@link #MIN_LABEL_WORDS} when
 * the theme has enough distinct terms, never more than {@link #MAX_LABEL_WORDS}): a keyword is
 * replaced by the best phrase containing it when that phrase weighs at least half as much, a term
 * contained in a chosen phrase is skipped, a phrase that contains chosen terms replaces them, and
 * no lemma appears twice. Ties go to the alphabetically first term. Deterministic; texts assigned
 * a negative theme (noise) are ignored.
 */
public final class CoreNlpThemeLabeler implements ThemeLabeler {
  /** Fewest words a label aims for (a theme with fewer terms gets what it has). */
  public static final int MIN_LABEL_WORDS = 2;

  /** Most words in a label. */
  public static final int MAX_LABEL_WORDS = 5;

  /** Keywords reported per theme. */
  public static final int KEYWORDS = 10;

  /* Terms looked at when composing a label; beyond these the weights say little. */
  private static final int LABEL_CANDIDATES = 15;

  /* Share of a keyword's weight a phrase containing it needs to stand in for it in a label. */
  private static final double PHRASE_SHARE = 0.5;

  /* Words after which a label stops taking terms: a phrase and a keyword, or three keywords. */
  private static final int ENOUGH_WORDS = 3;

  /**
   * The description of one theme.
   *
   * @param label 2-5 words, terms separated by ", ", or "(no keywords)" for a theme without terms
   * @param keywords the top terms (lemmas and phrases), best first, at most {@link #KEYWORDS}
   */
  public record ThemeTerms(String label, List<String> keywords) {
    public ThemeTerms {
      Objects.requireNonNull(label, "label");
      keywords = List.copyOf(keywords);
    }
  }

  private final Function<String, Enrichment> enrichments;

  private CoreNlpThemeLabeler(Function<String, Enrichment> enrichments) {
    this.enrichments = enrichments;
  }

  /**
   * A labeler over enrichments already computed (from {@link Enricher} or the stored rows), looked
   * up by their {@link Enrichment#text()}, which must be the text that is clustered.
   */
  public static CoreNlpThemeLabeler of(Collection<Enrichment> enrichments) {
    Map<String, Enrichment> byText = new HashMap<>();
    for (Enrichment e : enrichments) {
      byText.put(e.text(), e);
    }
    return new CoreNlpThemeLabeler(
        text -> {
          Enrichment e = byText.get(text);
          if (e == null) {
            throw new IllegalArgumentException("No enrichment for the text: " + text);
          }
          return e;
        });
  }

  /**
   * A labeler over the stored enrichment rows of {@code answers} (from {@link EnrichmentService}),
   * so labelling needs no CoreNLP pass: a row is used when its text hash matches the answer's
   * current comment. A text without such a row is enriched with {@code fallback}, or, when that is
   * null, contributes no terms.
   *
   * @param rows stored rows by answer id, as read by {@link EnrichmentRepository#find}
   */
  public static CoreNlpThemeLabeler fromRows(
      List<Answer> answers, Map<Long, EnrichmentRepository.Row> rows, Enricher fallback) {
    Map<String, Enrichment> byText = new HashMap<>();
    for (Answer a : answers) {
      EnrichmentRepository.Row row = rows.get(a.id());
      String text = a.comment();
      if (row != null && text != null && row.textSha256().equals(EnrichmentService.sha256(text))) {
        byText.put(text, new Enrichment(text, List.of(), row.lemmas(), row.nounPhrases(), 0));
      }
    }
    return new CoreNlpThemeLabeler(
        text -> {
          Enrichment e = byText.get(text);
          if (e != null) {
            return e;
          }
          return fallback == null ? new Enrichment(text, List.of(), List.of(), List.of(), 0) : fallback.enrich(text);
        });
  }

  /** A labeler that enriches each text it is given with {@code enricher}. */
  public static CoreNlpThemeLabeler enriching(Enricher enricher) {
    Objects.requireNonNull(enricher, "enricher");
    return new CoreNlpThemeLabeler(enricher::enrich);
  }

  @Override
  public List<String> labels(List<String> texts, int[] assignments, int k) {
    List<String> out = new ArrayList<>(k);
    for (ThemeTerms t : describe(texts, assignments, k)) {
      out.add(t.label());
    }
    return Collections.unmodifiableList(out);
  }

  /** Label and keywords of each theme, element t for theme t. */
  public List<ThemeTerms> describe(List<String> texts, int[] assignments, int k) {
    if (texts.size() != assignments.length) {
      throw new IllegalArgumentException(
          "Got " + texts.size() + " texts but " + assignments.length + " assignments");
    }
    if (k < 1) {
      throw new IllegalArgumentException("Invalid number of themes: " + k);
    }
    List<Map<String, Integer>> counts = new ArrayList<>(k);
    for (int t = 0; t < k; t++) {
      counts.add(new HashMap<>());
    }
    Map<String, Integer> overall = new HashMap<>();
    long total = 0;
    for (int i = 0; i < texts.size(); i++) {
      int theme = assignments[i];
      if (theme >= k) {
        throw new IllegalArgumentException("Invalid theme " + theme + " of text " + i + " for k " + k);
      }
      if (theme < 0) {
        continue;
      }
      Enrichment e = enrichments.apply(texts.get(i));
      for (String term : terms(e)) {
        counts.get(theme).merge(term, 1, Integer::sum);
        overall.merge(term, 1, Integer::sum);
        total++;
      }
    }
    double average = (double) total / k;
    List<ThemeTerms> out = new ArrayList<>(k);
    for (Map<String, Integer> themeCounts : counts) {
      List<Term> ranked = rank(themeCounts, overall, average);
      List<String> keywords = new ArrayList<>(KEYWORDS);
      for (Term t : ranked.subList(0, Math.min(KEYWORDS, ranked.size()))) {
        keywords.add(t.text());
      }
      out.add(new ThemeTerms(ranked.isEmpty() ? "(no keywords)" : label(ranked), keywords));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<String> terms(Enrichment e) {
    List<String> out = new ArrayList<>(e.lemmas());
    for (String phrase : e.nounPhrases()) {
      if (phrase.indexOf(' ') > 0) {
        out.add(phrase);
      }
    }
    return out;
  }

  /* A term and its c-TF-IDF weight in one theme. */
  record Term(String text, double weight) {}

  private static List<Term> rank(
      Map<String, Integer> counts, Map<String, Integer> overall, double average) {
    List<Term> ranked = new ArrayList<>(counts.size());
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      ranked.add(
          new Term(e.getKey(), e.getValue() * Math.log(1 + average / overall.get(e.getKey()))));
    }
    ranked.sort(
        Comparator.comparingDouble(Term::weight)
            .reversed()
            .thenComparing(Term::text, Comparator.naturalOrder()));
    return ranked;
  }

  /** Composes a label from terms best first; see the class comment for the rules. */
  static String label(List<Term> ranked) {
    List<Term> candidates = ranked.subList(0, Math.min(LABEL_CANDIDATES, ranked.size()));
    List<String> chosen = new ArrayList<>();
    for (Term candidate : candidates) {
      if (words(chosen) >= ENOUGH_WORDS) {
        break;
      }
      String phrase = promoted(candidate, candidates);
      List<String> next = withTerm(chosen, phrase);
      if (next == null && !phrase.equals(candidate.text())) {
        next = withTerm(chosen, candidate.text());
      }
      if (next != null) {
        chosen = next;
      }
    }
    return String.join(", ", chosen);
  }

  /* chosen plus term (replacing the terms it contains), or null when term adds nothing, makes the
   * label too long or repeats a lemma. */
  private static List<String> withTerm(List<String> chosen, String term) {
    if (chosen.stream().anyMatch(c -> contains(c, term))) {
      return null;
    }
    List<String> next = new ArrayList<>();
    for (String c : chosen) {
      if (!contains(term, c)) {
        next.add(c);
      }
    }
    next.add(term);
    return words(next) > MAX_LABEL_WORDS || repeatsALemma(next) ? null : next;
  }

  /* A keyword gives way to the best phrase that contains it when that phrase weighs at least
   * PHRASE_SHARE of it: "fiat currency" says more than "currency" and "fiat". */
  private static String promoted(Term keyword, List<Term> candidates) {
    if (keyword.text().indexOf(' ') >= 0) {
      return keyword.text();
    }
    for (Term t : candidates) {
      if (t.text().indexOf(' ') > 0
          && t.weight() >= PHRASE_SHARE * keyword.weight()
          && contains(t.text(), keyword.text())) {
        return t.text();
      }
    }
    return keyword.text();
  }

  private static boolean contains(String phrase, String term) {
    return (" " + phrase + " ").contains(" " + term + " ");
  }

  private static int words(List<String> terms) {
    int n = 0;
    for (String t : terms) {
      n += t.split(" ").length;
    }
    return n;
  }

  private static boolean repeatsALemma(List<String> terms) {
    Set<String> seen = new HashSet<>();
    for (String t : terms) {
      for (String w : t.split(" ")) {
        if (!seen.add(w)) {
          return true;
        }
      }
    }
    return false;
  }
}
