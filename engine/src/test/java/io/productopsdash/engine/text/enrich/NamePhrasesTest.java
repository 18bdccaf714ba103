package io.productopsdash.engine.text.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NamePhrases#fromTokens}: the patterns, on tagged tokens written by hand. */
class NamePhrasesTest {
  private static NamePhrases.Token t(String word, String tag, String lemma) {
    return new NamePhrases.Token(word, tag, lemma);
  }

  @Test
  void nounPhrasesAndVerbObjects() {
    // "Please add Solana support"
    List<NamePhrases.Phrase> p =
        NamePhrases.fromTokens(
            List.of(t("Please", "UH", "please"), t("add", "VB", "add"), t("Solana", "NNP", "Solana"), t("support", "NN", "support")));
    // Every span of the noun phrase that ends in a noun, then the verb with its object.
    assertThat(p).extracting(NamePhrases.Phrase::surface).containsExactly("Solana", "Solana support", "support", "add Solana support");
    // Keys are the distinct lemmas in alphabetical order.
    assertThat(p).extracting(NamePhrases.Phrase::key).containsExactly("solana", "solana support", "support", "add solana support");
  }

  @Test
  void participlesModifyAndParticlesStay() {
    // "failed swaps" and "top up my card"
    assertThat(NamePhrases.fromTokens(List.of(t("failed", "VBN", "fail"), t("swaps", "NNS", "swap"))))
        .extracting(NamePhrases.Phrase::surface)
        .containsExactly("failed swaps", "swaps");
    // The subject-verb form has the same key, so "swap failed" and "failed swaps" count as one.
    List<NamePhrases.Phrase> sv = NamePhrases.fromTokens(List.of(t("swap", "NN", "swap"), t("failed", "VBD", "fail")));
    assertThat(sv).extracting(NamePhrases.Phrase::key).contains("fail swap");
    assertThat(sv).filteredOn(x -> x.words() == 2).extracting(NamePhrases.Phrase::weight).containsExactly(NamePhrases.SUBJECT_VERB);
    assertThat(
            NamePhrases.fromTokens(
                List.of(t("top", "VB", "top"), t("up", "RP", "up"), t("my", "PRP$", "my"), t("card", "NN", "card"))))
        .extracting(NamePhrases.Phrase::surface)
        .contains("top up card");
  }

  @Test
  void idsNumbersVagueWordsAndLightVerbsNameNothing() {
    assertThat(NamePhrases.fromTokens(List.of(t("dl123", "NN", "dl123"), t("error", "NN", "error"))))
        .extracting(NamePhrases.Phrase::surface)
        .containsExactly("error");
    assertThat(NamePhrases.fromTokens(List.of(t("many", "JJ", "many"), t("times", "NNS", "time")))).isEmpty();
    assertThat(NamePhrases.fromTokens(List.of(t("get", "VB", "get"), t("refund", "NN", "refund"))))
        .extracting(NamePhrases.Phrase::surface)
        .containsExactly("refund");
  }
}
