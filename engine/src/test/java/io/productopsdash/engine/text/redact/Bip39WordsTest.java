package io.productopsdash.engine.text.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word list from web3j's jar, and the test generator of valid mnemonics. */
class Bip39WordsTest {
  @Test
  void theListIsTheEnglishBip39List() {
    assertThat(Bip39Words.LIST).hasSize(2048);
    assertThat(Bip39Words.LIST.get(0)).isEqualTo("abandon");
    assertThat(Bip39Words.LIST.get(2047)).isEqualTo("zoo");
    assertThat(Bip39Words.LIST).isSorted();
    assertThat(Bip39Words.LIST).allMatch(w -> w.matches("[a-z]{3,8}"));
    // The first four letters identify a word: a property of the English list.
    assertThat(
            Bip39Words.LIST.stream().map(w -> w.substring(0, Math.min(4, w.length()))).distinct())
        .hasSize(2048);
  }

  @Test
  void checksumVerifierAcceptsBip39TestVectorsAndRejectsAChangedWord() {
    List<String> zeros = new java.util.ArrayList<>(Collections.nCopies(11, "abandon"));
    zeros.add("about");
    assertThat(PlantedSecrets.bip39ChecksumValid(zeros)).isTrue();
    List<String> legal =
        Arrays.asList(
            "legal winner thank year wave sausage worth useful legal winner thank yellow"
                .split(" "));
    assertThat(PlantedSecrets.bip39ChecksumValid(legal)).isTrue();
    List<String> ones =
        Arrays.asList(
            ("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo"
                    + " zoo zoo zoo vote")
                .split(" "));
    assertThat(PlantedSecrets.bip39ChecksumValid(ones)).isTrue();
    zeros.set(11, "abandon");
    assertThat(PlantedSecrets.bip39ChecksumValid(zeros)).isFalse();
  }

  @Test
  void generatedMnemonicsOfEveryLengthHaveValidChecksums() {
    Random r = new Random(19650218);
    for (int words = 12; words <= 24; words += 3) {
      for (int i = 0; i < 50; i++) {
        List<String> m = PlantedSecrets.bip39Words(r, words);
        assertThat(m).hasSize(words);
        assertThat(PlantedSecrets.bip39ChecksumValid(m)).as("%s", m).isTrue();
      }
    }
  }
}
