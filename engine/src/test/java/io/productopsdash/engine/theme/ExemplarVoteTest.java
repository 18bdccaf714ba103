package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link ExemplarVote}: the vote, the per-theme floor, and what stays unassigned. */
class ExemplarVoteTest {
  /* A unit vector in the plane of axes 0 and 1 at angle t (radians), padded to 3 dimensions. */
  private static float[] at(double t) {
    return new float[] {(float) Math.cos(t), (float) Math.sin(t), 0};
  }

  private static final float[][] EXEMPLARS = {
    // Theme 1 around angle 0, tight (spread 0.1 rad); theme 2 around angle 1.5, looser (0.3 rad).
    at(-0.1), at(-0.05), at(0), at(0.05), at(0.1), at(1.2), at(1.35), at(1.5), at(1.65), at(1.8)
  };
  private static final long[] THEMES = {1, 1, 1, 1, 1, 2, 2, 2, 2, 2};

  @Test
  void anAnswerAmongATightThemesMembersJoinsIt() {
    ExemplarVote vote = ExemplarVote.fit(new float[][] {at(0.02), at(1.55)}, EXEMPLARS, THEMES, ExemplarVote.Options.defaults());
    assertThat(vote.themes()).containsExactly(1, 2);
  }

  @Test
  void eachThemeHasItsOwnFloorFromItsMembersSpread() {
    ExemplarVote.Options noMargin = new ExemplarVote.Options(5, 0.5, 5, 0, 0, 0, 0, 0.5, 1);
    ExemplarVote vote = ExemplarVote.fit(new float[][] {at(0.02)}, EXEMPLARS, THEMES, noMargin);
    // Theme 1's lowest leave-one-out closeness: the member at -0.1 against its 4 others at
    // -0.05, 0, 0.05, 0.1: mean cos of 0.05, 0.1, 0.15, 0.2 rad.
    double low = (Math.cos(0.05) + Math.cos(0.1) + Math.cos(0.15) + Math.cos(0.2)) / 4;
    assertThat(vote.floors().get(1L)).isCloseTo(low, within(1e-6));
    assertThat(vote.floors().get(2L)).isLessThan(vote.floors().get(1L));
    // The default margin lowers it by the gap to the median: the member at -0.05 (cos of 0.05,
    // 0.05, 0.1, 0.15 rad) is the median of the five.
    double median = (2 * Math.cos(0.05) + Math.cos(0.1) + Math.cos(0.15)) / 4;
    ExemplarVote withMargin = ExemplarVote.fit(new float[][] {at(0.02)}, EXEMPLARS, THEMES, ExemplarVote.Options.defaults());
    assertThat(withMargin.floors().get(1L)).isCloseTo(low - (median - low), within(1e-6));
  }

  @Test
  void anAnswerOutsideItsNearestThemesSpreadStaysUnassigned() {
    // 0.25 rad from theme 1's centre: its nearest exemplars are all theme 1's, but it is farther
    // from them than theme 1's members are from each other.
    ExemplarVote vote = ExemplarVote.fit(new float[][] {at(-0.25)}, EXEMPLARS, THEMES, ExemplarVote.Options.defaults());
    assertThat(vote.themes()).containsExactly(-1);
    // 0.3 rad from the looser theme 2's centre is within its spread: one threshold would not do both.
    ExemplarVote loose = ExemplarVote.fit(new float[][] {at(1.8)}, EXEMPLARS, THEMES, ExemplarVote.Options.defaults());
    assertThat(loose.themes()).containsExactly(2);
  }

  @Test
  void withoutAMajorityAnAnswerStaysUnassigned() {
    // Halfway between the themes, its 5 nearest exemplars split 3 to 2 by count but the vote needs
    // 0.9 of the similarity: no theme gets it.
    ExemplarVote.Options strict = new ExemplarVote.Options(5, 0.9, 5, 0, 0, 0, 0, 0.5, 1);
    ExemplarVote vote = ExemplarVote.fit(new float[][] {at(0.65)}, EXEMPLARS, THEMES, strict);
    assertThat(vote.themes()).containsExactly(-1);
  }

  @Test
  void noExemplarsLeaveEveryAnswerUnassigned() {
    ExemplarVote vote = ExemplarVote.fit(new float[][] {at(0)}, new float[0][], new long[0], ExemplarVote.Options.defaults());
    assertThat(vote.themes()).containsExactly(-1);
  }

  @Test
  void badSettingsNameTheValue() {
    assertThatThrownBy(() -> new ExemplarVote.Options(0, 0.5, 5, 0, 0, 0, 0, 0.5, 1)).hasMessageContaining("0");
    assertThatThrownBy(() -> new ExemplarVote.Options(5, 1.5, 5, 0, 0, 0, 0, 0.5, 1)).hasMessageContaining("majority: 1.5");
    assertThatThrownBy(() -> new ExemplarVote.Options(5, 0.5, 5, 1, 0, 0, 0, 0.5, 1)).hasMessageContaining("quantile: 1.0");
    assertThatThrownBy(() -> ExemplarVote.fit(new float[][] {at(0)}, EXEMPLARS, new long[] {1}, ExemplarVote.Options.defaults()))
        .hasMessageContaining("10 vectors but 1 themes");
  }
}
