package io.productopsdash.engine.text.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.engine.text.redact.PersonNameRules.Token;
import io.productopsdash.engine.text.redact.PersonNameRules.Verdict;
import io.productopsdash.engine.text.vocabulary.ProductVocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evidence rules on hand-made NER runs (no model): a run is given as the words NER would have
 * tagged PERSON, so each rule is tested on its own.
 */
class PersonNameRulesTest {
  private static final PersonNameRules RULES = PersonNameRules.standard();
  private static final ProductVocabulary BUILT_IN = ProductVocabulary.builtIn();

  /** The verdict on the run made of {@code person} where it first occurs in {@code text}. */
  private static Verdict verdict(String text, String person, ProductVocabulary vocabulary) {
    int at = text.indexOf(person);
    List<Token> run = new ArrayList<>();
    for (ProductVocabulary.Word w : ProductVocabulary.words(person)) {
      run.add(new Token(person.substring(w.start(), w.end()), at + w.start(), at + w.end()));
    }
    List<PersonNameRules.Decision> d = RULES.decide(text, List.of(run), vocabulary);
    assertThat(d).hasSize(1);
    assertThat(d.get(0).start()).isEqualTo(at);
    assertThat(d.get(0).end()).isEqualTo(at + person.length());
    return d.get(0).verdict();
  }

  private static Verdict verdict(String text, String person) {
    return verdict(text, person, BUILT_IN);
  }

  @Test
  void chainsWalletsAndBanksThatNerTakesForPeopleAreProductTerms() {
    assertThat(verdict("Please add Solana and Cardano support", "Solana")).isEqualTo(Verdict.PRODUCT_TERM);
    assertThat(verdict("Please add Solana and Cardano support", "Cardano")).isEqualTo(Verdict.PRODUCT_TERM);
    assertThat(verdict("My Nano X keeps disconnecting", "Nano")).isEqualTo(Verdict.PRODUCT_TERM);
    assertThat(verdict("I love Wallet of Satoshi", "Satoshi")).isEqualTo(Verdict.PRODUCT_TERM);
    for (String brand : List.of("Ada", "Chase", "Monzo", "Ledger", "Phantom", "Kraken", "Aave")) {
      assertThat(verdict("Transfers from " + brand + " fail", brand)).as(brand).isEqualTo(Verdict.PRODUCT_TERM);
    }
  }

  @Test
  void aKnownGivenOrFamilyNameIsRedacted() {
    assertThat(verdict("thanks Maria Lopez", "Maria Lopez")).isEqualTo(Verdict.KNOWN_NAME);
    assertThat(verdict("Ask Priya to call", "Priya")).isEqualTo(Verdict.KNOWN_NAME);
    assertThat(verdict("Mrs Okafor was kind", "Okafor")).isEqualTo(Verdict.KNOWN_NAME);
  }

  @Test
  void aProductTermBesideAKnownNameDoesNotShieldTheRun() {
    // Two capitalised words, one a known name: the whole run is a person.
    assertThat(verdict("Chase Smith from support helped", "Chase Smith")).isEqualTo(Verdict.KNOWN_NAME);
  }

  @Test
  void aNamingCueWinsOverAProductTerm() {
    assertThat(verdict("my name is Chase and I cannot log in", "Chase")).isEqualTo(Verdict.NAME_CUE);
    assertThat(verdict("Mr Kraken called me", "Kraken")).isEqualTo(Verdict.NAME_CUE);
  }

  @Test
  void weakerCuesNeedAWordThatIsNotAProductTerm() {
    assertThat(verdict("the agent Zorblat was rude", "Zorblat")).isEqualTo(Verdict.NAME_CUE);
    assertThat(verdict("I spoke to Xandor twice", "Xandor")).isEqualTo(Verdict.NAME_CUE);
    assertThat(verdict("ping @Plokwin about it", "Plokwin")).isEqualTo(Verdict.NAME_CUE);
    assertThat(verdict("Hi Kraken team, deposits fail", "Kraken")).isEqualTo(Verdict.PRODUCT_TERM);
    assertThat(verdict("ping @Phantom about it", "Phantom")).isEqualTo(Verdict.PRODUCT_TERM);
  }

  @Test
  void aCapitalisedWordWithoutEvidenceStays() {
    assertThat(verdict("Vitalik Buterin would not approve", "Vitalik Buterin")).isEqualTo(Verdict.NO_EVIDENCE);
    assertThat(verdict("Zorblat yields look great", "Zorblat")).isEqualTo(Verdict.NO_EVIDENCE);
  }

  @Test
  void lowerCaseWordsAreNotKnownNames() {
    assertThat(verdict("the maria feature is slow", "maria")).isEqualTo(Verdict.NO_EVIDENCE);
  }

  @Test
  void aWorkspaceTermIsKeptLikeABuiltInOne() {
    String text = "Jasper crashes when I open the vault";
    assertThat(verdict(text, "Jasper", BUILT_IN)).isEqualTo(Verdict.KNOWN_NAME);
    assertThat(verdict(text, "Jasper", BUILT_IN.with(List.of("Jasper")))).isEqualTo(Verdict.PRODUCT_TERM);
  }

  @Test
  void mentionsAreTheRedactedRunsOnly() {
    String text = "Please add Solana support, thanks Maria Lopez";
    List<List<Token>> runs =
        List.of(
            List.of(new Token("Solana", 11, 17)),
            List.of(new Token("Maria", 34, 39), new Token("Lopez", 40, 45)));
    assertThat(RULES.redacted(text, runs, BUILT_IN)).containsExactly(new PersonNameFinder.Mention(34, 45));
    assertThat(Redactor.withNames(t -> RULES.redacted(t, runs, BUILT_IN)).redact(text).text())
        .isEqualTo("Please add Solana support, thanks [name]");
  }
}
