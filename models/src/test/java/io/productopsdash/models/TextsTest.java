package io.productopsdash.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared text rules: no control characters in one-line fields, line breaks allowed in free text. */
class TextsTest {
  @Test
  void oneLineFieldsRefuseEveryControlCharacter() {
    for (String bad : new String[] {"a\u0000b", "a\tb", "a\nb", "a\u001bb", "a\u007fb", "a\u0085b"}) {
      assertThatThrownBy(() -> Texts.required("userId", bad, 100))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("userId");
            assertThat(e.rule()).contains("control characters", "position 1");
          });
    }
    assertThat(Texts.required("userId", "  user-1  ", 100)).isEqualTo("user-1");
    assertThat(Texts.optional("locale", "\t", 10)).isNull();
  }

  @Test
  void freeTextTakesLineBreaksAndTabsButNoOtherControlCharacter() {
    assertThat(Texts.optionalText("comment", "one\r\n\ttwo", 100)).isEqualTo("one\r\n\ttwo");
    assertThatThrownBy(() -> Texts.optionalText("comment", "one\u0000two", 100))
        .hasMessageContaining("U+0000")
        .hasMessageContaining("line breaks and tabs are allowed");
  }

  @Test
  void aLoneSurrogateIsRefusedAndAPairIsOneCharacter() {
    assertThatThrownBy(() -> Texts.optionalText("comment", "x\ud800y", 100)).hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> Texts.optionalText("comment", "x\udc00", 100)).hasMessageContaining("lone surrogate");
    assertThat(Texts.required("name", "wallet \ud83d\ude80", 8)).hasSize(9);
  }

  @Test
  void severalProblemsAreKeptInOrder() {
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    problems.put("name", "is required");
    problems.put("question", "is required");
    InvalidInputException e = new InvalidInputException(problems);
    assertThat(e.problems()).containsExactly(Map.entry("name", "is required"), Map.entry("question", "is required"));
    assertThat(e.field()).isEqualTo("name");
    assertThat(e.getMessage()).isEqualTo("name: is required; question: is required");
  }
}
