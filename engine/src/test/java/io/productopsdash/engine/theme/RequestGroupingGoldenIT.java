package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.Database;
import io.productopsdash.engine.request.manage.FeatureRequests;
import io.productopsdash.engine.request.manage.RequestSort;
import io.productopsdash.models.Survey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden fixture of grouping: the exact groups, names and families of {@link RequestWeeksFixture}'s first week. */
class RequestGroupingGoldenIT {
  @TempDir Path dir;

  @Test
  void oneGroupPerAskWithReadableUniqueNames() {
    try (Database db = Database.open(dir)) {
      Survey survey = RequestWeeksFixture.store(db);
      Clock clock = Clock.fixed(RequestWeeksFixture.T1.plusSeconds(3600), ZoneOffset.UTC);
      WeeklyThemeRun.Result result =
          ThemeWeeksFixture.run(db, survey, RequestWeeksFixture.WEEK1, WeeklyThemeRun.Options.defaults(), clock,
              WeeklyThemeRun.Progress.NONE);
      assertThat(result.requestAnswers()).isEqualTo(19);
      FeatureRequests service = new FeatureRequests(db, clock, ZoneOffset.UTC, () -> null);
      List<FeatureRequests.Summary> all = service.list(survey.seriesId(), null, RequestSort.REQUESTERS).requests();
      // name -> users of its answers (a family with its members), and each member under its family.
      Map<String, TreeSet<String>> users = new TreeMap<>();
      Map<String, String> parentOf = new TreeMap<>();
      for (FeatureRequests.Summary s : all) {
        TreeSet<String> u = new TreeSet<>();
        service.get(s.id(), null).answers().forEach(a -> u.add(a.userId()));
        users.put(s.name(), u);
        if (s.parentId() != null) {
          parentOf.put(s.name(), all.stream().filter(p -> p.id() == s.parentId()).findFirst().orElseThrow().name());
        }
      }
      List<String> lines = new ArrayList<>();
      users.forEach((name, u) -> lines.add(name + (parentOf.containsKey(name) ? " < " + parentOf.get(name) : "") + ": " + u));
      assertThat(lines)
          .containsExactly(
              "Add dark mode: [u-dark-1, u-dark-2, u-dark-3, u-dark-4, u-two]",
              "Add notifications: [u-notify-1, u-notify-2]",
              "Add price alerts: [u-alert-1, u-alert-2]",
              "Support Bitcoin Lightning: [u-ln-1, u-ln-2, u-ln-3, u-ln-4, u-ln-5, u-two]",
              "Support Ledger < Support hardware wallets: [u-hw-2, u-hw-3]",
              "Support Trezor < Support hardware wallets: [u-hw-4, u-hw-5]",
              "Support hardware wallets: [u-hw-1, u-hw-2, u-hw-3, u-hw-4, u-hw-5]");
      FeatureRequests.Summary hardware =
          all.stream().filter(s -> s.name().equals("Support hardware wallets")).findFirst().orElseThrow();
      // Requester counts at both levels: the family counts its members' requesters too.
      assertThat(hardware.requesters()).isEqualTo(5);
      assertThat(all.stream().filter(s -> s.name().equals("Support Ledger")).findFirst().orElseThrow().requesters()).isEqualTo(2);
    }
  }
}
