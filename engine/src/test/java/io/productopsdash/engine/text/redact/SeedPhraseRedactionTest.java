package io.productopsdash.engine.text.redact;

import static io.productopsdash.engine.text.redact.RedactorTest.assertRedacted;
import static io.productopsdash.engine.text.redact.RedactorTest.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The redactor on seed phrases: planted phrases in every written form, and ordinary sentences of
 * listed words.
 */
class SeedPhraseRedactionTest {
  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /**
   * {@code words} with its first word replaced by the first list word that breaks the checksum, as
   * the test's own verifier sees it.
   */
  private static List<String> withBrokenChecksum(List<String> words) {
    List<String> out = new ArrayList<>(words);
    for (String candidate : Bip39Words.LIST) {
      out.set(0, candidate);
      if (!candidate.equals(words.get(0)) && !PlantedSecrets.bip39ChecksumValid(out)) {
        return out;
      }
    }
    throw new AssertionError("no replacement breaks the checksum of " + words);
  }

  @Test
  void validPhrasesOfEveryLengthAreRedactedPlainNumberedAndWithCommas() {
    Random r = new Random(42);
    for (int words = 12; words <= 24; words += 3) {
      for (int i = 0; i < 10; i++) {
        List<String> w = PlantedSecrets.bip39Words(r, words);
        assertRedacted(
            "My recovery phrase is ",
            PlantedSecrets.phrase(w),
            " and my BTC is gone!",
            RedactionKind.SEED_PHRASE);
        assertRedacted(
            "Seed:\n",
            PlantedSecrets.numbered(w, false),
            "\nhow do I restore?",
            RedactionKind.SEED_PHRASE);
        assertRedacted(
            "words (wrote them down):\n",
            PlantedSecrets.numbered(w, true),
            "\n",
            RedactionKind.SEED_PHRASE);
        assertRedacted(
            "I typed ",
            PlantedSecrets.commaSeparated(w),
            ". Is it lost?",
            RedactionKind.SEED_PHRASE);
      }
    }
  }

  @Test
  void caseDoesNotMatterAndOtherNumberingStylesAreRecognised() {
    List<String> w = PlantedSecrets.bip39Words(new Random(7), 12);
    String upper = PlantedSecrets.phrase(w).toUpperCase(java.util.Locale.ROOT);
    assertRedacted("ARGH ", upper, " !!!", RedactionKind.SEED_PHRASE);
    StringBuilder parens = new StringBuilder();
    for (int i = 0; i < w.size(); i++) {
      parens.append(i == 0 ? "" : "  ").append(i + 1).append(") ").append(w.get(i));
    }
    assertRedacted("see: ", parens.toString(), "", RedactionKind.SEED_PHRASE);
    assertRedacted("see: ", String.join(" - ", w), " (done)", RedactionKind.SEED_PHRASE);
  }

  @Test
  void aRunLongerThan24WordsIsRedactedWhole() {
    Random r = new Random(3);
    List<String> w = new ArrayList<>(PlantedSecrets.bip39Words(r, 24));
    w.addAll(PlantedSecrets.bip39Words(r, 12));
    assertRedacted(
        "all my wallets: ",
        PlantedSecrets.phrase(w),
        " (two of them)",
        RedactionKind.SEED_PHRASE);
  }

  @Test
  void anOrdinarySentenceIsNotASeedPhrase() {
    assertUnchanged(
        "I have a question about my card because the payment did not go through yesterday.");
    assertUnchanged(
        "Please help me, what can you do when the exchange rate is wrong on my top up?");
    assertUnchanged(
        "Why is my card still pending? I have checked the details of my account and they are"
            + " right.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // The review's example: it used to become "[seed phrase]" whole.
        "Please add more bonus reward option, they want cash, price alert, real time",
        "Love this update, simple design, easy budget list, price alert, light theme, nice sound",
        "Great update, you fix slow screen, now add budget limit, Price Alert, Light Theme",
        // These two have 12-word windows whose BIP39 checksum is valid (asserted below): the
        // commas in some places, the capitals in some words, show they are prose.
        "Please fix slow phone screen, add budget alert, light theme, more sound option",
        "Please fix slow phone screen add Budget Alert Light Theme more sound option",
      })
  void ordinarySentencesOfTwelveOrMoreListedWordsAreNotSeedPhrases(String sentence) {
    List<String> words = List.of(sentence.toLowerCase(java.util.Locale.ROOT).split("[ ,]+"));
    assertThat(words).hasSizeGreaterThanOrEqualTo(12).allMatch(Bip39Words::contains);
    boolean checksumWindow = false;
    for (int from = 0; from + 12 <= words.size(); from++) {
      checksumWindow |= PlantedSecrets.bip39ChecksumValid(words.subList(from, from + 12));
    }
    assertThat(checksumWindow).isEqualTo(sentence.startsWith("Please fix"));
    assertUnchanged(sentence);
    assertUnchanged("Feedback: " + sentence + ". Thanks!");
  }

  @Test
  void aValidPhraseIsRedactedWithoutACueAndTheSameWithOneWordChangedIsNot() {
    // Capitalised and comma-separated: not a "list" in the plain lower-case sense, no cue, so
    // only the checksum can tell.
    List<String> valid = PlantedSecrets.bip39Words(new Random(21), 12);
    String phrase = String.join(", ", valid.stream().map(SeedPhraseRedactionTest::capitalise).toList());
    assertRedacted("Here it is: ", phrase, ". What do I do now?", RedactionKind.SEED_PHRASE);
    List<String> broken = withBrokenChecksum(valid);
    assertUnchanged(
        "Here it is: "
            + String.join(", ", broken.stream().map(SeedPhraseRedactionTest::capitalise).toList())
            + ". What do I do now?");
    List<String> valid24 = PlantedSecrets.bip39Words(new Random(24), 24);
    assertRedacted(
        "fyi ",
        String.join(" ", valid24.stream().map(SeedPhraseRedactionTest::capitalise).toList()),
        " (old wallet)",
        RedactionKind.SEED_PHRASE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My recovery phrase: {}. Can you restore it?",
        "these are the 12 words from my wallet app: {}",
        "mnemonic => {}",
        "{} <- backup words, is one of them wrong?",
        "Here are my secret words {} (is that safe?)",
      })
  void aPhraseWithAWrongWordIsRedactedWhenASeedCueIsNear(String template) {
    List<String> broken = withBrokenChecksum(PlantedSecrets.bip39Words(new Random(5), 12));
    String phrase = String.join(", ", broken.stream().map(SeedPhraseRedactionTest::capitalise).toList());
    int at = template.indexOf("{}");
    assertRedacted(
        template.substring(0, at), phrase, template.substring(at + 2), RedactionKind.SEED_PHRASE);
    // The control: the same words with no cue stay.
    assertUnchanged("Here it is: " + phrase + ". What do I do now?");
  }

  @Test
  void aPhraseWrittenAsAListIsRedactedWithoutChecksumOrCue() {
    List<String> broken = withBrokenChecksum(PlantedSecrets.bip39Words(new Random(8), 12));
    List<String> capitalised = broken.stream().map(SeedPhraseRedactionTest::capitalise).toList();
    assertRedacted(
        "Here it is:\n",
        PlantedSecrets.numbered(capitalised, false),
        "\n",
        RedactionKind.SEED_PHRASE);
    assertRedacted(
        "Here it is:\n",
        PlantedSecrets.numbered(capitalised, true),
        "\nok?",
        RedactionKind.SEED_PHRASE);
    assertRedacted(
        "Here it is:\n", String.join("\n", capitalised), "\nok?", RedactionKind.SEED_PHRASE);
    assertRedacted(
        "Here it is: ", PlantedSecrets.phrase(broken), ". Ok?", RedactionKind.SEED_PHRASE);
    // Eleven numbered words are not a list of twelve: the twelfth follows a comma, the words are
    // capitalised, the checksum is broken and there is no cue.
    String elevenNumbered =
        PlantedSecrets.numbered(capitalised.subList(0, 11), false) + ", " + capitalised.get(11);
    assertUnchanged("Here it is: " + elevenNumbered + ". Ok?");
  }

  @Test
  void elevenListedWordsInARowAreNotEnough() {
    List<String> w = PlantedSecrets.bip39Words(new Random(11), 12).subList(0, 11);
    assertUnchanged("so far: " + PlantedSecrets.phrase(w) + " (done)");
  }

  @Test
  void aWordOffTheListOrAFullStopBreaksTheRun() {
    List<String> w = PlantedSecrets.bip39Words(new Random(12), 12);
    String broken =
        String.join(" ", w.subList(0, 6)) + " xylophone42 " + String.join(" ", w.subList(6, 12));
    assertUnchanged("typo: " + broken);
    String sentences =
        String.join(" ", w.subList(0, 6)) + ". " + String.join(" ", w.subList(6, 12));
    assertUnchanged(sentences);
  }

  @Test
  void aListedWordJustBeforeThePhraseIsTakenWithIt() {
    // "seed" and "phrase" are BIP39 words themselves: over-redacting them is the safe side.
    List<String> w = PlantedSecrets.bip39Words(new Random(13), 12);
    assertRedacted(
        "my ", "seed phrase " + PlantedSecrets.phrase(w), " is lost", RedactionKind.SEED_PHRASE);
  }
}
