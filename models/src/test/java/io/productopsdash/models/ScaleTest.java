package io.productopsdash.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleTest {
  @Test
  void sevenPointTopTwoBox() {
    Scale s = new Scale(ScoreKind.CSAT, 7, "bad", "good", 2);
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(7);
    assertThat(s.isTopBox(6)).isTrue();
    assertThat(s.isTopBox(5)).isFalse();
    assertThat(s.isBottomBox(2)).isTrue();
    assertThat(s.isBottomBox(3)).isFalse();
  }

  @Test
  void npsRunsZeroToTen() {
    Scale s = new Scale(ScoreKind.NPS, 11, null, null, 2);
    assertThat(s.min()).isZero();
    assertThat(s.max()).isEqualTo(10);
    assertThat(s.isTopBox(9)).isTrue();
    assertThat(s.isTopBox(8)).isFalse();
    assertThat(s.isBottomBox(6)).isTrue();
    assertThat(s.isBottomBox(7)).isFalse();
  }

  @Test
  void badScalesNameTheField() {
    assertThatThrownBy(() -> new Scale(ScoreKind.CSAT, 4, null, null, 2)).hasMessage("points: must be within 5..11, got 4");
    assertThatThrownBy(() -> new Scale(ScoreKind.CSAT, 12, null, null, 2)).hasMessageContaining("5..11");
    assertThatThrownBy(() -> new Scale(ScoreKind.NPS, 7, null, null, 2)).hasMessageContaining("NPS");
    assertThatThrownBy(() -> new Scale(ScoreKind.CSAT, 7, "x".repeat(61), null, 2)).hasMessageContaining("minLabel");
  }
}
