package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.engine.text.enrich.NamePhrases;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ThemeNamer}: the phrase most answers share and others lack, unique, never a bare word. */
class ThemeNamerTest {
  private static ThemeNamer.Member member(String... keysAndSurfaces) {
    List<NamePhrases.Phrase> phrases = new ArrayList<>();
    java.util.Set<String> lemmas = new java.util.HashSet<>();
    for (int i = 0; i < keysAndSurfaces.length; i += 2) {
      String key = keysAndSurfaces[i];
      phrases.add(new NamePhrases.Phrase(key, keysAndSurfaces[i + 1], key.split(" ").length));
      lemmas.addAll(List.of(key.split(" ")));
    }
    return new ThemeNamer.Member(phrases, lemmas);
  }

  private static final List<ThemeNamer.Member> SWAPS =
      List.of(
          member("fail swap", "failed swaps", "swap", "swaps"),
          member("fail swap", "failed swap", "error", "error"),
          member("fail swap", "failed swaps", "swap", "swap"),
          member("swap", "swap", "slippage", "slippage"));
  private static final List<ThemeNamer.Member> FEES =
      List.of(
          member("network fee", "network fees", "swap", "swap"), member("network fee", "network fees"),
          member("network fee", "network fee"), member("gas fee", "gas fees"), member("gas fee", "gas fees"));

  private static List<Set<String>> week() {
    List<Set<String>> out = new ArrayList<>();
    for (ThemeNamer.Member m : SWAPS) {
      out.add(m.lemmas());
    }
    for (ThemeNamer.Member m : FEES) {
      out.add(m.lemmas());
    }
    return out;
  }

  @Test
  void theSharedPhraseInItsMostCommonFormNamesTheTheme() {
    ThemeNamer namer = ThemeNamer.of(week());
    assertThat(namer.name(SWAPS, week(), Set.of()).name()).isEqualTo("Failed swaps");
    assertThat(namer.name(FEES, week(), Set.of()).name()).isEqualTo("Network fees");
  }

  @Test
  void aNameInUseIsPassedOver() {
    ThemeNamer namer = ThemeNamer.of(week());
    ThemeNamer.Candidate c = namer.name(FEES, week(), Set.of("network fees"));
    assertThat(c.name()).isEqualTo("Gas fees");
  }

  @Test
  void withoutASharedPhraseTwoWordsAreJoined() {
    List<ThemeNamer.Member> mixed =
        List.of(member("card", "card", "lose", "lose"), member("phone", "phone"), member("card", "card"), member("phone", "phone"));
    List<Set<String>> lemmas = new ArrayList<>();
    mixed.forEach(m -> lemmas.add(m.lemmas()));
    ThemeNamer.Candidate c = ThemeNamer.of(lemmas).name(mixed, lemmas, Set.of());
    assertThat(c.name()).isIn("Card and phone", "Phone and card");
    assertThat(c.name().split(" ")).hasSizeBetween(2, 6);
  }

  @Test
  void supportIsTheShareOfAnswersWithEveryWordOfTheKey() {
    assertThat(ThemeNamer.support("fail swap", week())).isEqualTo(3.0 / 9);
    assertThat(ThemeNamer.support("top up card", List.of(Set.of("top", "card"), Set.of("card")))).isEqualTo(0.5);
  }
}
