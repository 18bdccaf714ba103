package io.productopsdash.engine.text.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Term matching and the shipped list. */
class ProductVocabularyTest {
  private static String covered(ProductVocabulary v, String text) {
    StringBuilder b = new StringBuilder();
    for (int[] o : v.occurrences(text)) {
      b.append(b.length() > 0 ? "|" : "").append(text, o[0], o[1]);
    }
    return b.toString();
  }

  @Test
  void termsMatchWholeWordsInAnyCaseAndPunctuation() {
    ProductVocabulary v = ProductVocabulary.of(List.of("Crypto.com", "Nano X", "Kraken"));
    assertThat(covered(v, "crypto com and CRYPTO.COM and Crypto.com.")).isEqualTo("crypto com|CRYPTO.COM|Crypto.com");
    assertThat(covered(v, "Kraken's fees, Krakens and kraken")).isEqualTo("Kraken|kraken");
    assertThat(covered(v, "My Nano X and a nano")).isEqualTo("Nano X");
  }

  @Test
  void aTermOfSeveralWordsProtectsItsWordsOnlyTogether() {
    ProductVocabulary v = ProductVocabulary.of(List.of("Wallet of Satoshi", "Ledger Nano X", "Ledger"));
    assertThat(covered(v, "Wallet of Satoshi works; Satoshi would agree")).isEqualTo("Wallet of Satoshi");
    // The longest term at a position wins.
    assertThat(covered(v, "my Ledger Nano X, my Ledger")).isEqualTo("Ledger Nano X|Ledger");
  }

  @Test
  void theBuiltInListIsVersionedAndNamesTheIssuesBrands() {
    ProductVocabulary b = ProductVocabulary.builtIn();
    assertThat(b.version()).isEqualTo("2026.12-1");
    assertThat(b.size()).isGreaterThan(900);
    for (String term :
        List.of("Solana", "Cardano", "Ada", "Chase", "Monzo", "Ledger", "Phantom", "Kraken", "Aave",
            "Rabby", "Binance", "Coinbase", "Bitcoin", "Litecoin", "Fantom", "Gnosis", "Robinhood",
            "Transak", "Yoroi", "Pendle", "Nano X", "Wallet of Satoshi")) {
      assertThat(b.contains(term)).as(term).isTrue();
    }
    // Brands that are first of all given names are listed only in their full form.
    assertThat(b.contains("Emma")).isFalse();
    assertThat(b.contains("Marcus")).isFalse();
  }

  @Test
  void withAddsTermsAndKeepsTheVersion() {
    ProductVocabulary more = ProductVocabulary.builtIn().with(List.of("Vault Boost", " ", "Jasper"));
    assertThat(more.contains("vault boost")).isTrue();
    assertThat(more.contains("Jasper")).isTrue();
    assertThat(more.version()).isEqualTo("2026.12-1");
    assertThat(more.size()).isEqualTo(ProductVocabulary.builtIn().size() + 2);
  }
}
