package io.productopsdash.engine.text.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shipped name tables and their thresholds. */
class KnownNamesTest {
  @Test
  void commonGivenAndFamilyNamesAreKnownInAnyCase() {
    KnownNames names = KnownNames.standard();
    for (String given : new String[] {"Maria", "JAMES", "priya", "Fatima", "Hiroshi", "Wei"}) {
      assertThat(names.isGivenName(given)).as(given).isTrue();
    }
    for (String family : new String[] {"Smith", "Lopez", "Nguyen", "Kowalski", "Okafor"}) {
      assertThat(names.isFamilyName(family)).as(family).isTrue();
    }
    assertThat(names.isKnown("Zorblat")).isFalse();
    assertThat(names.isKnown("Kraken")).isFalse();
  }

  @Test
  void theListsHoldOrdinaryWordsWhichIsWhyNerAndTheVocabularyComeFirst() {
    // SSA: babies were named Solana and Tesla; the 1990 census has Bank and Wallet as surnames.
    assertThat(KnownNames.standard().isGivenName("Solana")).isTrue();
    assertThat(KnownNames.standard().isFamilyName("Wallet")).isTrue();
  }

  @Test
  void thresholdsTrimRareEntries() {
    // Smith is rank 1; "Aalderink" is near the end of the 88,799 surnames.
    KnownNames top1000 = KnownNames.of(new KnownNames.Thresholds(5, 1000));
    assertThat(top1000.isFamilyName("Smith")).isTrue();
    assertThat(top1000.isFamilyName("Aalderink")).isFalse();
    assertThat(KnownNames.standard().isFamilyName("Aalderink")).isTrue();
    // Maria: over 500,000 births; Zelle: 27.
    KnownNames frequent = KnownNames.of(new KnownNames.Thresholds(1000, 88_799));
    assertThat(frequent.isGivenName("Maria")).isTrue();
    assertThat(frequent.isGivenName("Zelle")).isFalse();
    assertThat(KnownNames.standard().isGivenName("Zelle")).isTrue();
  }

  @Test
  void invalidThresholdsAreRefused() {
    assertThatThrownBy(() -> new KnownNames.Thresholds(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> new KnownNames.Thresholds(5, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
