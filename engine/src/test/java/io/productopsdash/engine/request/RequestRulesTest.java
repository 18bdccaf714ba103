package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule table: ids, weights and the anchors that pre-filter the regexes. */
class RequestRulesTest {
  @Test
  void idsAreUniqueAndNamedAfterTheirFamily() {
    Set<String> ids = new HashSet<>();
    for (RequestRules.Rule r : RequestRules.RULES) {
      assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).matches("[a-z]+\\.[a-z-]+");
      assertThat(r.weight()).isStrictlyBetween(0.0, 1.0);
    }
    assertThat(ids).containsAll(RequestRules.ANCHORS.keySet());
    assertThat(RequestRules.RULES.stream().map(RequestRules.Rule::kind).distinct())
        .containsExactlyInAnyOrder(CueKind.values());
  }

  @Test
  void anchorsNeverHideAMatch() throws IOException {
    List<String> sentences = new ArrayList<>();
    for (FeatureRequestDetectorTest.Answer a : FeatureRequestDetectorTest.handwritten()) {
      sentences.addAll(RequestText.sentences(a.text()));
    }
    sentences.addAll(
        List.of(
            "Wish list: tags, folders and a dark mode.",
            "Hopefully they will add it soon.",
            "Looking forward to more levels!",
            "The only thing missing is a timer.",
            "Everything is great except it doesn't have a widget.",
            "5 stars when you add Apple Pay.",
            "Is it possible to have a shared account?",
            "Are you planning to support Linux?",
            "If only it could read PDFs.",
            "Where is the export button?",
            "I miss the old icons, change them back.",
            "It's frustrating that you can't undo a delete.",
            "To make it perfect it needs a search.",
            "They need to add a light theme.",
            "More filters please!"));
    for (String s : sentences) {
      assertThat(describe(RequestRules.match(s, true)))
          .as("matches in %s", s)
          .isEqualTo(describe(RequestRules.match(s, false)));
    }
  }

  private static List<String> describe(List<RequestRules.Match> matches) {
    return matches.stream()
        .map(m -> m.rule().id() + "@" + m.start() + "-" + m.end() + ":" + m.suppressedBy())
        .toList();
  }
}
