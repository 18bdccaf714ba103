package io.productopsdash.engine.text.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The c-TF-IDF labeler over hand-made enrichments: no CoreNLP model is loaded. */
class CoreNlpThemeLabelerTest {
  private static Enrichment e(String text, List<String> lemmas, List<String> phrases) {
    return new Enrichment(text, List.of(), lemmas, phrases, 0);
  }

  private static final List<Enrichment> FIXTURE =
      List.of(
          e("a", List.of("fiat", "currency", "hold"), List.of("fiat currency")),
          e("b", List.of("fiat", "currency", "support"), List.of("fiat currency")),
          e("c", List.of("hold", "currency"), List.of("currency")),
          e("d", List.of("card", "arrive", "week"), List.of("card", "week")),
          e("e", List.of("card", "arrive", "track"), List.of("card")),
          e("f", List.of("card", "track", "arrive"), List.of("card")),
          e("g", List.of("noise"), List.of("noise")));

  private static final List<String> TEXTS = List.of("a", "b", "c", "d", "e", "f", "g");

  @Test
  void labelsPreferPhrasesAndNeverRepeatALemma() {
    List<CoreNlpThemeLabeler.ThemeTerms> themes =
        CoreNlpThemeLabeler.of(FIXTURE).describe(TEXTS, new int[] {0, 0, 0, 1, 1, 1, -1}, 2);
    assertThat(themes.get(0).label()).startsWith("fiat currency, ");
    assertThat(themes.get(0).label()).doesNotContain("currency, fiat").doesNotContain(", currency");
    assertThat(themes.get(0).keywords()).contains("currency", "fiat", "fiat currency", "hold");
    assertThat(themes.get(1).label()).isEqualTo("arrive, card, track");
    assertThat(themes.get(1).keywords()).doesNotContain("noise");
  }

  @Test
  void labelRulesDropContainedTermsAndCapTheLength() {
    List<CoreNlpThemeLabeler.Term> ranked =
        List.of(
            new CoreNlpThemeLabeler.Term("fee", 9),
            new CoreNlpThemeLabeler.Term("swap", 8),
            new CoreNlpThemeLabeler.Term("swap fee", 5),
            new CoreNlpThemeLabeler.Term("network", 1));
    // "fee" becomes "swap fee" (weight 5 >= 9 / 2); "swap" is inside it; "network" completes 3.
    assertThat(CoreNlpThemeLabeler.label(ranked)).isEqualTo("swap fee, network");
    List<CoreNlpThemeLabeler.Term> tooLong =
        List.of(
            new CoreNlpThemeLabeler.Term("fee", 9),
            new CoreNlpThemeLabeler.Term("much too high swap fee today", 8),
            new CoreNlpThemeLabeler.Term("network fee", 1),
            new CoreNlpThemeLabeler.Term("delay", 1));
    // The 6-word phrase does not fit, so the keyword stays itself; "network fee" (too light to
    // replace "fee" at first) then contains it and takes its place.
    assertThat(CoreNlpThemeLabeler.label(tooLong)).isEqualTo("network fee, delay");
  }

  @Test
  void themesWithoutTermsAndBadInputAreReported() {
    List<String> labels =
        CoreNlpThemeLabeler.of(FIXTURE).labels(List.of("a", "g"), new int[] {0, 0}, 2);
    assertThat(labels.get(1)).isEqualTo("(no keywords)");
    assertThatThrownBy(() -> CoreNlpThemeLabeler.of(FIXTURE).labels(List.of("zzz"), new int[] {0}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zzz");
    assertThatThrownBy(() -> CoreNlpThemeLabeler.of(FIXTURE).labels(TEXTS, new int[] {0}, 1))
        .hasMessageContaining("7 texts but 1 assignments");
  }

  @Test
  void sentimentOfClassesIsTheMeanPolarity() {
    assertThat(Sentiment.ofClasses(new int[] {1}).label()).isEqualTo(Sentiment.Label.NEGATIVE);
    assertThat(Sentiment.ofClasses(new int[] {1, 2}).label()).isEqualTo(Sentiment.Label.NEGATIVE);
    assertThat(Sentiment.ofClasses(new int[] {1, 3}).score()).isZero();
    assertThat(Sentiment.ofClasses(new int[] {4, 3}).score()).isEqualTo(0.75);
    assertThat(Sentiment.ofClasses(new int[] {4, 3}).label()).isEqualTo(Sentiment.Label.POSITIVE);
    assertThat(Sentiment.ofClasses(new int[0]).label()).isEqualTo(Sentiment.Label.NEUTRAL);
    assertThatThrownBy(() -> Sentiment.ofClasses(new int[] {5}))
        .hasMessage("Invalid sentiment class: 5");
  }
}
