package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The requested thing cut out of request sentences written for these tests. */
class RequestPhraseTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Please add a dark mode.| dark mode",
        "The app needs a dark mode| dark mode",
        "Please add support for Solana| support for Solana",
        "It would be great to have support for Solana.| support for Solana",
        "A widget would be nice!| widget",
        "Can you add offline mode?| offline mode",
        "I wish there was a way to archive old chats, it gets messy.| archive old chats",
        "Would love to be able to print receipts instead of emailing them| print receipts",
        "It would be nice to have a word counter though| word counter",
        "Bring back the old layout please| old layout",
        "Why can't I download my statements?| download my statements",
        "I'd like to have a map feature, but overall it is fine.| map feature",
        "Adding a search bar would be great.| search bar",
        "There should be more colour themes like in the web version| more colour themes",
        "We need an export to CSV.| export to CSV",
        "Plz more backgrounds and frames| backgrounds and frames",
        "Could you please let users rename their cards?| rename their cards",
        "Suggestion: recurring reminders for bills| recurring reminders for bills",
        "I would give it five stars if it had Apple Pay.| Apple Pay",
      })
  void cutsTheRequestedThing(String sentence, String phrase) {
    assertThat(RequestPhrase.extract(sentence)).contains(phrase.strip());
  }

  @Test
  void aRequestNameNeverHoldsARedactionPlaceholder() {
    assertThat(RequestPhrase.extract("Please add Solana and Cardano support, thanks [name]"))
        .contains("Solana and Cardano support");
    assertThat(RequestPhrase.extract("Please add [name] support")).isEmpty();
  }

  @Test
  void ofADetectionUsesItsBestSentenceAndKeepsCase() {
    RequestDetection d =
        FeatureRequestDetector.standard()
            .detect("Great wallet. I wish it supported Ledger devices. Keep it up!");
    assertThat(d.request()).isTrue();
    assertThat(RequestPhrase.of(d)).contains("Ledger devices");
  }

  @Test
  void phrasesAreAtMostEightWords() {
    assertThat(
            RequestPhrase.extract(
                "Please add a button to move every single pin from one board to another board"
                    + " in one go"))
        .hasValueSatisfying(
            p -> assertThat(p.split(" ")).hasSizeLessThanOrEqualTo(RequestPhrase.MAX_WORDS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Love this app!",
        "Please fix the crash.",
        "Please include this in the next release!",
        "Please bring it back.",
        "That needs to change.",
        ""
      })
  void isEmptyWithoutARequestOrWithoutANamedThing(String sentence) {
    assertThat(RequestPhrase.extract(sentence)).isEmpty();
  }

  @Test
  void isEmptyForAnswersThatAreNotRequests() {
    RequestDetection d = FeatureRequestDetector.standard().detect("Crashes on start, please fix");
    assertThat(RequestPhrase.of(d)).isEmpty();
  }
}
