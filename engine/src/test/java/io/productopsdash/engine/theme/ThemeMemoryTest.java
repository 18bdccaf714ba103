package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.models.WeekId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ThemeMemory}: what a week's run remembers of the stored history, and nothing later. */
class ThemeMemoryTest {
  private static final WeekId W1 = WeekId.parse("2026-W01");
  private static final WeekId W2 = WeekId.parse("2026-W02");
  private static final WeekId W3 = WeekId.parse("2026-W03");
  private static final WeekId W4 = WeekId.parse("2026-W04");
  private static final WeekId W5 = WeekId.parse("2026-W05");

  @Test
  void onlyHistoryBeforeTheWeekCounts() {
    List<ThemeMemory.Member> members =
        List.of(new ThemeMemory.Member(1, W1, 10), new ThemeMemory.Member(2, W2, 10), new ThemeMemory.Member(3, W3, 11));
    ThemeMemory memory = ThemeMemory.of(W3, members, List.of(), List.of(), List.of(), ThemeMemory.Options.defaults());
    assertThat(memory.exemplars()).extracting(ThemeMemory.Exemplar::answer).containsExactly(1L, 2L);
    assertThat(memory.themes()).containsExactly(10L);
  }

  @Test
  void mergesFollowChainsAndOnlyCountWhenDecidedBefore() {
    List<ThemeMemory.Member> members =
        List.of(new ThemeMemory.Member(1, W1, 10), new ThemeMemory.Member(2, W1, 11), new ThemeMemory.Member(3, W1, 12));
    List<ThemeMemory.Merge> merges = List.of(new ThemeMemory.Merge(10, 11, W2), new ThemeMemory.Merge(11, 12, W3));
    ThemeMemory at4 = ThemeMemory.of(W4, members, List.of(), merges, List.of(), ThemeMemory.Options.defaults());
    assertThat(at4.exemplars()).extracting(ThemeMemory.Exemplar::theme).containsOnly(12L);
    assertThat(at4.survivorOf(10)).isEqualTo(12);
    ThemeMemory at3 = ThemeMemory.of(W3, members, List.of(), merges, List.of(), ThemeMemory.Options.defaults());
    assertThat(at3.survivorOf(10)).isEqualTo(11);
    assertThat(at3.themes()).containsExactly(11L, 12L);
  }

  @Test
  void aLinkMovesAnOlderAnswerToAnotherThemeAndTakesItOutOfThePool() {
    List<ThemeMemory.Member> members = List.of(new ThemeMemory.Member(1, W1, 10), new ThemeMemory.Member(2, W1, 10));
    List<ThemeMemory.Unclustered> unclustered = List.of(new ThemeMemory.Unclustered(5, W2), new ThemeMemory.Unclustered(6, W2));
    // Week 3's run split answer 2 off into theme 20 and found theme 21 late from answer 5.
    List<ThemeMemory.Link> links = List.of(new ThemeMemory.Link(2, W1, 20, W3), new ThemeMemory.Link(5, W2, 21, W3));
    ThemeMemory at4 = ThemeMemory.of(W4, members, links, List.of(), unclustered, ThemeMemory.Options.defaults());
    assertThat(at4.exemplars())
        .containsExactly(new ThemeMemory.Exemplar(1, W1, 10), new ThemeMemory.Exemplar(2, W1, 20), new ThemeMemory.Exemplar(5, W2, 21));
    assertThat(at4.pool()).extracting(ThemeMemory.Unclustered::answer).containsExactly(6L);
    ThemeMemory at3 = ThemeMemory.of(W3, members, links, List.of(), unclustered, ThemeMemory.Options.defaults());
    assertThat(at3.pool()).extracting(ThemeMemory.Unclustered::answer).containsExactly(5L, 6L);
  }

  @Test
  void theWindowsAndTheCapKeepTheMostRecent() {
    List<ThemeMemory.Member> members =
        List.of(new ThemeMemory.Member(1, W1, 10), new ThemeMemory.Member(2, W3, 10), new ThemeMemory.Member(3, W4, 10));
    List<ThemeMemory.Unclustered> unclustered = List.of(new ThemeMemory.Unclustered(7, W1), new ThemeMemory.Unclustered(8, W4));
    ThemeMemory memory =
        ThemeMemory.of(W5, members, List.of(), List.of(), unclustered, new ThemeMemory.Options(3, 1, 2));
    // Exemplar weeks W2..W4, at most one per theme: the latest.
    assertThat(memory.exemplars()).extracting(ThemeMemory.Exemplar::answer).containsExactly(3L);
    assertThat(memory.pool()).extracting(ThemeMemory.Unclustered::answer).containsExactly(8L);
  }
}
