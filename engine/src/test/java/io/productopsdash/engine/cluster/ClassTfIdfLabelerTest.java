package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassTfIdfLabelerTest {
  @Test
  void tokensAreLowerCasedWordsWithoutStopWordsDigitsOrApostrophes() {
    assertThat(ClassTfIdfLabeler.tokens("I can't log in to my Account! PIN 1234, 2fa code: X"))
        .containsExactly("log", "account", "pin", "2fa", "code");
    assertThat(ClassTfIdfLabeler.tokens("Don’t charge the card's fee")).containsExactly("charge", "cards", "fee");
    assertThat(ClassTfIdfLabeler.tokens("Überweisung café")).containsExactly("überweisung", "café");
  }

  @Test
  void redactionPlaceholdersAreNoTerms() {
    assertThat(ClassTfIdfLabeler.tokens("Thanks [name], mail [email] or call [phone] about my [card number]"))
        .containsExactly("thanks", "mail", "call");
  }

  @Test
  void aHyphenBetweenLettersJoinsAWordAndOtherHyphensSplit() {
    assertThat(ClassTfIdfLabeler.tokens("Two-factor sign‑in on wi-fi, 24-7 since 2026-05-01 - covid-19 -ish x-"))
        .containsExactly("two-factor", "sign‑in".replace('‑', '-'), "wi-fi", "covid", "ish");
  }

  @Test
  void labelsAreTheTopClassTfIdfTerms() {
    // Theme 0: card x3, arrived x2, fee x1; theme 1: fee x2, refund x2. Total counts: card 3,
    // arrived 2, fee 3, refund 2; 10 terms, 2 themes -> A = 5.
    // Theme 0: card 3 log(1 + 5/3) = 2.942; arrived 2 log(1 + 5/2) = 2.506; fee 1 log(1 + 5/3)
    // = 0.981. Theme 1: refund 2 log(3.5) = 2.506; fee 2 log(1 + 5/3) = 1.962.
    List<String> texts =
        List.of("card arrived", "the card has not arrived", "card fee", "refund the fee", "fee refund");
    int[] themes = {0, 0, 0, 1, 1};
    ClassTfIdfLabeler labeler = ClassTfIdfLabeler.of(2);
    assertThat(labeler.labels(texts, themes, 2)).containsExactly("card, arrived", "refund, fee");
    assertThat(labeler.keywords(texts, themes, 2, 5).get(0)).containsExactly("card", "arrived", "fee");
  }

  @Test
  void tiesGoToTheAlphabeticallyFirstTermAndEmptyThemesSaySo() {
    List<String> texts = List.of("zebra apple", "the of and");
    assertThat(ClassTfIdfLabeler.of(3).labels(texts, new int[] {0, 1}, 2))
        .containsExactly("apple, zebra", "(no keywords)");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> ClassTfIdfLabeler.of(0)).hasMessage("Invalid number of label terms: 0");
    ClassTfIdfLabeler labeler = ClassTfIdfLabeler.of(3);
    assertThatThrownBy(() -> labeler.labels(List.of("a"), new int[] {0, 0}, 1)).hasMessageContaining("1 and 2");
    assertThatThrownBy(() -> labeler.labels(List.of("a b"), new int[] {2}, 2)).hasMessageContaining("Invalid theme of text 0: 2");
  }
}
