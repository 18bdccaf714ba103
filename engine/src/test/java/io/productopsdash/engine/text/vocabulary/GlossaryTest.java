package io.productopsdash.engine.text.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.models.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Glossary validation: every error names {@code terms}; secret-shaped terms are refused. */
class GlossaryTest {
  private static void refused(List<String> terms, String ruleContains) {
    assertThatThrownBy(() -> new Glossary(terms))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("terms");
              assertThat(e.rule()).contains(ruleContains);
            });
  }

  @Test
  void termsAreStrippedAndDuplicatesDropped() {
    Glossary g = new Glossary(List.of(" Vault Boost ", "Jasper", "jasper", "Smart Send"));
    assertThat(g.terms()).containsExactly("Vault Boost", "Jasper", "Smart Send");
    assertThat(Glossary.empty().terms()).isEmpty();
  }

  @Test
  void emptyTooLongTooManyOrControlCharacters() {
    refused(null, "required");
    refused(List.of("ok", ""), "term 2 is empty");
    refused(Arrays.asList("ok", null), "term 2 is empty");
    refused(List.of("   "), "term 1 is empty");
    refused(List.of("x".repeat(101)), "101 characters");
    refused(List.of("tab\there"), "control character");
    refused(List.of("line\nbreak"), "control character");
    List<String> many = new ArrayList<>(Collections.nCopies(5001, "t"));
    refused(many, "5001 terms");
    assertThat(new Glossary(List.of("x".repeat(100))).terms()).hasSize(1);
    List<String> max = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      max.add("term" + i);
    }
    assertThat(new Glossary(max).terms()).hasSize(5000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "support@example.com",
        "4111 1111 1111 1111",
        "+44 20 7946 0958",
        "4155550132",
        "DE89 3704 0044 0532 0130 00",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
      })
  void aSecretShapedTermIsRefusedNamingIt(String term) {
    refused(List.of("Solana", term), "\"" + term + "\"");
  }

  @Test
  void productTermsWithAFewDigitsAreFine() {
    assertThat(new Glossary(List.of("Trezor Safe 5", "BitBox02", "Web3", "Galaxy S24", "iOS 18")).terms()).hasSize(5);
  }
}
