package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normalisation and sentence splitting of informal review text. */
class RequestTextTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "I don  t like it|I don't like it",
        "I  m sure we  d love it|I'm sure we'd love it",
        "dont cant wont doesnt|don't can't won't doesn't",
        "im sure ive seen it|I'm sure I've seen it",
        "Ill add it but I feel ill|I'll add it but I feel ill",
        "plz add pls|please add please",
        "editingplz add frames|editing please add frames",
        "can u add it to ur list|can you add it to your list",
        "I would of liked it|I would have liked it",
        "Tom &amp; Jerry|Tom & Jerry",
        "it\u2019s \u201Cgreat\u201D|it's \"great\"",
        "wanna see it|want to see it",
      })
  void normalises(String raw, String normalised) {
    assertThat(RequestText.normalize(raw)).isEqualTo(normalised);
  }

  @Test
  void literalBackslashEscapesBecomeBreaks() {
    assertThat(RequestText.sentences("First part\\nSecond part"))
        .containsExactly("First part", "Second part");
  }

  @Test
  void splitsOnPunctuationTabsNewlinesDoubleSpacesAndGluedMarkers() {
    assertThat(
            RequestText.sentences(
                "Great title\tBody one. Body two!Three?\nFour  Five great layout But I wish more"))
        .containsExactly(
            "Great title",
            "Body one.",
            "Body two!",
            "Three?",
            "Four",
            "Five great layout",
            "But I wish more");
    assertThat(RequestText.sentences("   ")).isEmpty();
  }

  @Test
  void clauseEndsAtPunctuationAndConjunctions() {
    String s = "add a dark mode but keep the light one";
    assertThat(s.substring(0, RequestText.clauseEnd(s, 0))).isEqualTo("add a dark mode");
    String t = "add a dark mode, landscape too";
    assertThat(t.substring(0, RequestText.clauseEnd(t, 0))).isEqualTo("add a dark mode");
    assertThat(RequestText.clauseEnd("no break here", 3)).isEqualTo(13);
  }
}
