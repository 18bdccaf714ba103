package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.data.Database;
import io.productopsdash.engine.demo.DemoDataSet;
import io.productopsdash.engine.demo.DemoPhase;
import io.productopsdash.engine.demo.DemoSettings;
import io.productopsdash.engine.demo.DemoSummary;
import io.productopsdash.models.WeekId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo data set of 3,000 users generated into a real workspace, then read back through the
 * HTTP API: the generator's own tallies (counted while it generated) must be exactly what the
 * rollups and the score service report, the theme engine must find themes every week with new and
 * growing ones, feature requests must be detected, redaction must have removed the planted
 * personal data, and the index must hold every answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class DemoDataSetIT {
  private static final long SEED = 7;
  private static final int USERS = 3_000;
  /** The week before the harness's start week 2026-W47, as the demo command would choose it. */
  private static final WeekId LAST = WeekId.parse("2026-W46");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
  private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d ]{7,}\\d");

  private ApiTestServer server;
  private DemoSummary summary;
  private final Map<DemoPhase, long[]> lastProgress = new EnumMap<>(DemoPhase.class);

  @BeforeAll
  void generate(@TempDir Path dir) {
    Path data = dir.resolve("demo");
    // As the demo command does: the seed's sampling key before the workspace would make a random one.
    try (Database db = Database.open(data)) {
      DemoDataSet.installSamplingKey(db, SEED);
    }
    server = ApiTestServer.start(data);
    DemoSettings settings = new DemoSettings(SEED, USERS, LAST, ApiTestServer.ZONE);
    assertThat(DemoSettings.of(SEED, USERS, server.clock, ApiTestServer.ZONE)).isEqualTo(settings);
    summary =
        DemoDataSet.generate(
            server.workspace().database(),
            server.workspace().deps().answerIndex(),
            settings,
            (phase, done, total) -> lastProgress.put(phase, new long[] {done, total}));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyPhaseReportedItsEnd() {
    assertThat(lastProgress.keySet()).containsExactly(DemoPhase.values());
    lastProgress.forEach((phase, p) -> assertThat(p[0]).as("%s done", phase).isEqualTo(p[1]));
    assertThat(lastProgress.get(DemoPhase.EVENTS)[1]).isEqualTo(USERS);
    assertThat(lastProgress.get(DemoPhase.THEMES)[1]).isEqualTo(DemoSettings.WEEKS);
  }

  @Test
  void theSummaryAddsUp() {
    assertThat(summary.weeks()).hasSize(12);
    assertThat(summary.firstWeek()).isEqualTo(WeekId.parse("2026-W35"));
    assertThat(summary.weeks().stream().mapToLong(DemoSummary.WeekTally::signups).sum()).isEqualTo(USERS);
    assertThat(summary.weeks().stream().mapToLong(DemoSummary.WeekTally::answers).sum()).isEqualTo(summary.answers());
    assertThat(summary.weeks().stream().mapToLong(DemoSummary.WeekTally::comments).sum()).isEqualTo(summary.comments());
    assertThat(server.count("SELECT COUNT(*) FROM answers")).isEqualTo(summary.answers());
    assertThat(server.count("SELECT COUNT(*) FROM answers WHERE comment IS NOT NULL")).isEqualTo(summary.comments());
    assertThat(server.count("SELECT COUNT(*) FROM events")).isEqualTo(summary.events());
    assertThat(server.count("SELECT COUNT(DISTINCT user_id) FROM events WHERE name = 'Signed Up'")).isEqualTo(USERS);
    // Enough of a survey to look at: hundreds of answers, most weeks not "too few".
    assertThat(summary.answers()).isGreaterThan(300);
    for (DemoSummary.WeekTally w : summary.weeks()) {
      assertThat(w.impressions()).as("impressions of %s", w.week()).isLessThanOrEqualTo(w.sampled());
      assertThat(w.answers() + w.dismissals()).as("responses of %s", w.week()).isLessThanOrEqualTo(w.impressions());
    }
  }

  @Test
  void acquisitionMatchesTheGeneratorsTallies() {
    JsonArray weeks = metrics("acquisition");
    assertThat(weeks).hasSize(12);
    for (int i = 0; i < 12; i++) {
      JsonObject api = weeks.get(i).getAsJsonObject();
      DemoSummary.WeekTally mine = summary.weeks().get(i);
      assertThat(api.get("week").getAsString()).isEqualTo(mine.week().toString());
      assertThat(api.get("signups").getAsLong()).as("signups of %s", mine.week()).isEqualTo(mine.signups());
      assertThat(keyCounts(api.getAsJsonArray("bySource"))).as("sources of %s", mine.week()).isEqualTo(mine.signupsBySource());
      assertThat(keyCounts(api.getAsJsonArray("bySegment"))).as("plans of %s", mine.week()).isEqualTo(mine.signupsByPlan());
    }
    // Several sources, and the campaign weeks show: Twitter's launch in week 5, ads growing from week 3.
    Map<String, Long> all = new HashMap<>();
    summary.weeks().forEach(w -> w.signupsBySource().forEach((k, v) -> all.merge(k, v, Long::sum)));
    assertThat(all.keySet()).contains("organic", "app_store", "google", "twitter", "referral", "newsletter", "(none)");
    assertThat(summary.weeks().get(4).signupsBySource().get("twitter"))
        .isGreaterThan(3 * summary.weeks().get(3).signupsBySource().getOrDefault("twitter", 0L));
  }

  @Test
  void onboardingMatchesTheGeneratorsTallies() {
    JsonArray cohorts = metrics("onboarding");
    long converted = 0;
    long silent = 0;
    long inProgress = 0;
    for (int i = 0; i < 12; i++) {
      JsonObject api = cohorts.get(i).getAsJsonObject();
      DemoSummary.WeekTally mine = summary.weeks().get(i);
      assertThat(api.get("users").getAsLong()).isEqualTo(mine.signups());
      assertThat(api.get("converted").getAsLong()).as("converted of %s", mine.week()).isEqualTo(mine.converted());
      assertThat(api.get("silentGiveUps").getAsLong()).as("give-ups of %s", mine.week()).isEqualTo(mine.silentGiveUps());
      assertThat(api.get("inProgress").getAsLong()).as("in progress of %s", mine.week()).isEqualTo(mine.inProgress());
      assertThat(api.getAsJsonObject("supportTickets").get("usersWithAny").getAsLong())
          .as("users with tickets of %s", mine.week())
          .isEqualTo(mine.usersWithTickets());
      converted += mine.converted();
      silent += mine.silentGiveUps();
      inProgress += mine.inProgress();
    }
    // Every outcome occurs: deposits, silent give-ups in old cohorts, people still trying in new ones.
    assertThat(converted).isGreaterThan(USERS / 3);
    assertThat(silent).isGreaterThan(50);
    assertThat(summary.weeks().get(11).inProgress()).isGreaterThan(20);
    assertThat(inProgress).isGreaterThan(summary.weeks().get(0).inProgress());
  }

  @Test
  void usageMatchesTheGeneratorsTallies() {
    JsonArray weeks = metrics("usage");
    for (int i = 0; i < 12; i++) {
      JsonObject api = weeks.get(i).getAsJsonObject();
      DemoSummary.WeekTally mine = summary.weeks().get(i);
      assertThat(api.get("activeUsers").getAsLong()).as("active users of %s", mine.week()).isEqualTo(mine.activeUsers());
      JsonArray areas = api.getAsJsonArray("areas");
      List<Long> users = new ArrayList<>();
      areas.forEach(a -> users.add(a.getAsJsonObject().get("users").getAsLong()));
      assertThat(users).as("area users of %s", mine.week()).isEqualTo(mine.areaUsers());
    }
    // Different depths: Wallet home is used by nearly everyone, the other two by fewer.
    DemoSummary.WeekTally last = summary.weeks().get(11);
    assertThat(last.areaUsers().get(0)).isGreaterThan(last.areaUsers().get(1)).isGreaterThan(0);
    assertThat(last.areaUsers().get(0)).isGreaterThan(last.areaUsers().get(2)).isGreaterThan(0);
  }

  @Test
  void scoresMatchTheGeneratorsTallies() {
    ApiTestServer.Reply r =
        server.admin("GET", "/api/v1/surveys/" + summary.surveyId() + "/scores?from=" + summary.firstWeek() + "&to=" + LAST, null);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonArray weeks = r.json().getAsJsonArray("weeks");
    assertThat(weeks).hasSize(12);
    for (int i = 0; i < 12; i++) {
      JsonObject api = weeks.get(i).getAsJsonObject();
      DemoSummary.WeekTally mine = summary.weeks().get(i);
      JsonObject score = api.getAsJsonObject("score");
      assertThat(score.get("n").getAsLong()).as("answers of %s", mine.week()).isEqualTo(mine.answers());
      if (mine.answers() > 0) {
        assertThat(score.get("mean").getAsDouble()).as("mean of %s", mine.week()).isCloseTo(mine.meanScore(), org.assertj.core.data.Offset.offset(1e-9));
      }
      assertThat(api.get("impressions").getAsLong()).as("impressions of %s", mine.week()).isEqualTo(mine.impressions());
    }
  }

  @Test
  void themesEveryWeekWithNewAndGrowingOnes() {
    assertThat(summary.themeWeeks()).isEqualTo(12);
    int newLater = 0;
    int growing = 0;
    for (DemoSummary.WeekTally w : summary.weeks()) {
      ApiTestServer.Reply r = server.admin("GET", "/api/v1/themes?surveyId=" + summary.surveyId() + "&week=" + w.week(), null);
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      JsonArray themes = r.json().getAsJsonArray("themes");
      assertThat(themes).as("themes of %s", w.week()).isNotEmpty();
      for (JsonElement t : themes) {
        String trend = t.getAsJsonObject().get("trend").getAsString();
        newLater += trend.equals("NEW") && !w.week().equals(summary.firstWeek()) ? 1 : 0;
        growing += trend.equals("GROWING") ? 1 : 0;
      }
    }
    assertThat(newLater).as("new themes after the first week").isPositive();
    assertThat(growing).as("growing themes").isPositive();
  }

  @Test
  void featureRequestsAreDetected() {
    ApiTestServer.Reply r = server.admin("GET", "/api/v1/feature-requests?surveyId=" + summary.surveyId(), null);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonArray requests = r.json().getAsJsonArray("featureRequests");
    assertThat(requests).hasSize(summary.featureRequests());
    assertThat(requests.size()).isPositive();
    // Issue 14: the Lightning asks and the hardware-wallet asks are each one group (devices such as
    // Ledger and Trezor as members under the hardware-wallet family, never rows of their own).
    List<String> topLevel = new ArrayList<>();
    List<String> all = new ArrayList<>();
    requests.forEach(q -> {
      String name = q.getAsJsonObject().get("name").getAsString();
      all.add(name);
      if (!q.getAsJsonObject().has("parentId")) {
        topLevel.add(name.toLowerCase(Locale.ROOT));
      }
    });
    assertThat(all).as("request names").doesNotHaveDuplicates();
    assertThat(topLevel).as("top-level requests about Lightning in %s", all).filteredOn(n -> n.contains("lightning")).hasSize(1);
    assertThat(topLevel).as("top-level requests about hardware wallets in %s", all)
        .filteredOn(n -> n.contains("hardware wallet") || n.contains("ledger") || n.contains("trezor") || n.contains("keystone"))
        .containsExactly("support hardware wallets");
  }

  @Test
  void redactionRemovedThePlantedPersonalData() throws SQLException {
    assertThat(summary.personalDataComments()).isPositive();
    int redacted = 0;
    for (String comment : comments()) {
      assertThat(EMAIL.matcher(comment).find()).as("email left in: %s", comment).isFalse();
      assertThat(PHONE.matcher(comment).find()).as("phone left in: %s", comment).isFalse();
      redacted += comment.contains("[email]") || comment.contains("[phone]") ? 1 : 0;
    }
    assertThat(redacted).isEqualTo(summary.personalDataComments());
  }

  @Test
  void theIndexHoldsEveryAnswer() throws SQLException {
    assertThat(summary.indexedAnswers()).isEqualTo(summary.answers());
    // Every stored comment mentioning Lightning is found by a search for it, and nothing else is.
    long mentions = comments().stream().filter(c -> c.toLowerCase(Locale.ROOT).matches("(?s).*\\blightning\\b.*")).count();
    assertThat(mentions).isPositive();
    ApiTestServer.Reply r =
        server.admin("GET", "/api/v1/search?q=" + URLEncoder.encode("lightning", StandardCharsets.UTF_8) + "&pageSize=1", null);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    // Every matching answer counts, identical comments too (they are collapsed into fewer hits).
    assertThat(r.json().get("answers").getAsLong()).isEqualTo(mentions);
    assertThat(r.json().get("total").getAsLong()).isPositive().isLessThanOrEqualTo(mentions);
    // generate() waited for sentiment and indexed it: no commented answer is left "unknown".
    ApiTestServer.Reply unknown = server.admin("GET", "/api/v1/search?q=lightning&sentiment=unknown&pageSize=1", null);
    assertThat(unknown.status()).as("%s", unknown).isEqualTo(200);
    assertThat(unknown.json().get("total").getAsLong()).isZero();
  }

  private List<String> comments() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dbFile().toAbsolutePath());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT comment FROM answers WHERE comment IS NOT NULL ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    assertThat(out).hasSize((int) summary.comments());
    return out;
  }

  private JsonArray metrics(String kind) {
    ApiTestServer.Reply r =
        server.admin(
            "GET", "/api/v1/metrics/" + kind + "?from=" + summary.firstWeek() + "&to=" + LAST + "&asOf=" + summary.asOf(), null);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonObject body = r.json();
    return body.has("weeks") ? body.getAsJsonArray("weeks") : body.getAsJsonArray("cohorts");
  }

  private static Map<String, Long> keyCounts(JsonArray counts) {
    Map<String, Long> out = new HashMap<>();
    counts.forEach(e -> out.put(e.getAsJsonObject().get("key").getAsString(), e.getAsJsonObject().get("users").getAsLong()));
    return out;
  }
}
