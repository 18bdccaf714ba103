package io.productopsdash.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.engine.text.redact.Redactor;
import io.productopsdash.models.FeatureArea;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's building blocks: event kinds against the configuration, the comment bank, settings. */
class DemoContentTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Test
  void everyEventKindBelongsToExactlyTheAreaItClaims() {
    List<FeatureArea> areas = MetricsConfig.walletExample(ZONE).featureAreas();
    assertThat(areas).hasSize(EventKind.AREAS);
    for (EventKind kind : EventKind.values()) {
      if (!kind.activity()) {
        continue;
      }
      Set<Integer> matching = new HashSet<>();
      for (int a = 0; a < areas.size(); a++) {
        if (areas.get(a).matches(kind.eventName, kind.path)) {
          matching.add(a);
        }
      }
      assertThat(matching).as("areas of %s", kind).isEqualTo(kind.area < 0 ? Set.of() : Set.of(kind.area));
    }
  }

  @Test
  void theSignupAndFirstTransactionEventsAreTheConfiguredOnes() {
    MetricsConfig config = MetricsConfig.walletExample(ZONE);
    assertThat(EventKind.SIGNED_UP.eventName).isEqualTo(config.signupEvent());
    assertThat(config.firstTransactionEvents()).containsExactly(EventKind.DEPOSIT_COMPLETED.eventName);
    assertThat(EventKind.TICKET.eventName).isEqualTo(config.supportTicketEvent());
    assertThat(config.segmentTrait()).isEqualTo("plan");
  }

  @Test
  void theBankHasManyDistinctCommentsPerTopic() {
    CommentBank bank = CommentBank.load(1);
    Set<String> all = new HashSet<>();
    int total = 0;
    for (Topic t : Topic.values()) {
      List<String> texts = bank.texts(t);
      assertThat(texts.size()).as("comments of %s", t).isGreaterThanOrEqualTo(t == Topic.CONTACT ? 8 : 15);
      all.addAll(texts);
      total += texts.size();
    }
    assertThat(all).as("no comment appears twice").hasSize(total);
    assertThat(bank.texts(Topic.DEPOSIT).size()).as("hand-written plus Banking77").isGreaterThan(300);
  }

  @Test
  void onlyTheContactCommentsCarryPersonalDataAndRedactionCatchesAllOfThem() {
    CommentBank bank = CommentBank.load(1);
    Redactor redactor = Redactor.regexOnly();
    for (Topic t : Topic.values()) {
      for (String text : bank.texts(t)) {
        String redacted = redactor.redact(text).text();
        if (t == Topic.CONTACT) {
          assertThat(redacted).as("redacted %s", text).isNotEqualTo(text).containsAnyOf("[email]", "[phone]");
          assertThat(redacted).doesNotContainPattern("\\d{4}").doesNotContain("@");
        } else {
          assertThat(redacted).as("unchanged: %s", text).isEqualTo(text);
        }
      }
    }
  }

  @Test
  void aDeckUsesEveryTextOnceBeforeRepeating() {
    CommentBank bank = CommentBank.load(5);
    int n = bank.texts(Topic.LIGHTNING).size();
    List<String> drawn = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      drawn.add(bank.next(Topic.LIGHTNING));
    }
    assertThat(new HashSet<>(drawn)).hasSize(n);
    assertThat(new HashSet<>(drawn)).isEqualTo(new HashSet<>(bank.texts(Topic.LIGHTNING)));
    // The same seed shuffles the same way; another seed differently.
    CommentBank again = CommentBank.load(5);
    CommentBank other = CommentBank.load(6);
    List<String> same = new ArrayList<>();
    List<String> different = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      same.add(again.next(Topic.LIGHTNING));
      different.add(other.next(Topic.LIGHTNING));
    }
    assertThat(same).isEqualTo(drawn);
    assertThat(different).isNotEqualTo(drawn);
  }

  @Test
  void settingsEndWithTheLastCompleteWeekAndNameBadValues() {
    // Wednesday 2026-11-18 is in 2026-W47; the last complete week is W46, the first of twelve W35.
    DemoSettings s = DemoSettings.of(42, 10_000, Clock.fixed(Instant.parse("2026-11-18T10:00:00Z"), ZONE), ZONE);
    assertThat(s.lastWeek()).isEqualTo(WeekId.parse("2026-W46"));
    assertThat(s.firstWeek()).isEqualTo(WeekId.parse("2026-W35"));
    // W46 ends when W47 starts: Monday 16 November, 00:00 in Berlin (UTC+1).
    assertThat(s.asOf()).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
    assertThatThrownBy(() -> new DemoSettings(1, 99, s.lastWeek(), ZONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("users")
        .hasMessageContaining("99");
    assertThatThrownBy(() -> new DemoSettings(1, 1_000, null, ZONE)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void seedsDependOnEveryPart() {
    assertThat(Seeds.mix(1, 2, 3)).isEqualTo(Seeds.mix(1, 2, 3));
    assertThat(Seeds.mix(1, 2, 3)).isNotEqualTo(Seeds.mix(1, 3, 2)).isNotEqualTo(Seeds.mix(2, 2, 3));
    assertThat(DemoDataSet.samplingKeyHex(42)).hasSize(32).isEqualTo(DemoDataSet.samplingKeyHex(42))
        .isNotEqualTo(DemoDataSet.samplingKeyHex(43));
  }
}
