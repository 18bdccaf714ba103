package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.engine.digest.Digest;
import io.productopsdash.engine.digest.DigestRenderer;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Interval;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import io.productopsdash.server.digest.DigestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drivers and theme runs over HTTP on the real app: the hand-computed week of {@code
 * ThemeImpactTest} stored as themes, read back from {@code GET /api/v1/themes} and the theme
 * detail with the same numbers as the digest; a week without answers gives empty lists; "Run now"
 * answers 202, a second start while it runs 409 naming the running run, and the run log shows it
 * finish with the week's last-themed time.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ThemeDriversApiIT {
  static final WeekId W47 = WeekId.parse(ApiTestServer.START_WEEK);

  @TempDir Path dir;

  /** The week of ThemeImpactTest: slow swaps (10), great support (10), one voice (1), 3 answers without a theme. */
  record Stored(Survey survey, long slow, long support, long one) {}

  static Stored store(Path dir) {
    try (Database db = Database.open(dir)) {
      return db.write(c -> {
        Instant at = ApiTestServer.START.minus(Duration.ofHours(1));
        Survey survey = new SurveyRepository().insertNew(
            c,
            new SurveyDraft("Wallet CSAT", "How satisfied are you?", new Scale(ScoreKind.CSAT, 7, null, null, 2),
                "How can we make it better?", 1.0, 4, true),
            at.minus(Duration.ofDays(30)));
        AnswerRepository answers = new AnswerRepository();
        ThemeRepository themes = new ThemeRepository();
        long slow = themes.insertTheme(c, survey.seriesId(), W47, "slow swaps", "NEW", null, at);
        long support = themes.insertTheme(c, survey.seriesId(), W47, "great support", "NEW", null, at);
        long one = themes.insertTheme(c, survey.seriesId(), W47, "one voice", "NEW", null, at);
        int[][] scores = {{1, 2, 2, 3, 3, 3, 4, 4, 5, 5}, {7, 7, 7, 6, 6, 6, 6, 5, 7, 7}, {2}};
        String[] texts = {"Swaps are slow and time out", "Support answered fast and kindly", "The font is too small"};
        long[] ids = {slow, support, one};
        int user = 0;
        for (int t = 0; t < 3; t++) {
          long quote = 0;
          for (int s : scores[t]) {
            user++;
            Answer a = answers.insert(c, "r" + user, survey.id(), "u" + user, W47, s, texts[t] + " (" + user + ")", "en", null, at);
            themes.assign(c, a.id(), W47, ids[t], null);
            quote = a.id();
          }
          themes.insertThemeWeek(c, new ThemeWeek(
              ids[t], W47, scores[t].length, 21, texts[t], List.of("word"), List.of(quote), 4.0, new Interval(3, 5), null,
              ThemeTrend.NEW, null, new float[] {1f, 0f}, new String[] {"slow swaps", "great support", "one voice"}[t]));
        }
        for (int s : new int[] {5, 5, 6}) {
          user++;
          answers.insert(c, "r" + user, survey.id(), "u" + user, W47, s, null, "en", null, at);
        }
        return new Stored(survey, slow, support, one);
      });
    }
  }

  @Test
  void driversInTheApiTheDetailAndTheDigestAreTheSameNumbers() {
    Stored stored = store(dir);
    try (ApiTestServer server = ApiTestServer.start(dir)) {
      long id = stored.survey().id();
      ApiTestServer.Reply r = server.admin("GET", "/api/v1/themes?surveyId=" + id + "&week=" + W47, null);
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      JsonObject drivers = r.json().getAsJsonObject("drivers");
      assertThat(drivers.get("measure").getAsString()).isEqualTo("mean");
      assertThat(drivers.get("answers").getAsInt()).isEqualTo(24);
      assertThat(drivers.get("score").getAsDouble()).isCloseTo(4.75, within(1e-12));
      JsonObject slow = drivers.getAsJsonArray("negative").get(0).getAsJsonObject();
      assertThat(slow.get("themeId").getAsLong()).isEqualTo(stored.slow());
      assertThat(slow.get("name").getAsString()).isEqualTo("slow swaps");
      assertThat(slow.get("impact").getAsDouble()).isCloseTo(-31.0 / 28, within(1e-12));
      assertThat(slow.getAsJsonObject("interval").get("low").getAsDouble()).isCloseTo(-1.5863002400699167, within(1e-9));
      assertThat(slow.getAsJsonObject("interval").get("high").getAsDouble()).isCloseTo(-0.6279854742157973, within(1e-9));
      assertThat(drivers.getAsJsonArray("positive").get(0).getAsJsonObject().get("impact").getAsDouble())
          .isCloseTo(33.0 / 28, within(1e-12));
      JsonObject one = drivers.getAsJsonArray("tooFew").get(0).getAsJsonObject();
      assertThat(one.get("size").getAsInt()).isEqualTo(1);
      assertThat(one.get("ranked").getAsBoolean()).isFalse();
      assertThat(one.has("interval") && !one.get("interval").isJsonNull()).isFalse();
      assertThat(one.get("note").getAsString()).contains("too few answers");

      // The digest reads the same engine class: its numbers equal the API's, digit for digit.
      Digest digest = server.digests().composer().compose(stored.survey(), W47, ApiTestServer.START);
      assertThat(digest.drivers().down()).hasSize(1);
      Digest.DriverItem item = digest.drivers().down().get(0);
      assertThat(item.themeId()).isEqualTo(stored.slow());
      assertThat(item.impact()).isEqualTo(slow.get("impact").getAsDouble());
      assertThat(item.low()).isEqualTo(slow.getAsJsonObject("interval").get("low").getAsDouble());
      assertThat(item.high()).isEqualTo(slow.getAsJsonObject("interval").get("high").getAsDouble());
      assertThat(item.share()).isEqualTo(slow.get("share").getAsDouble());
      assertThat(digest.drivers().unranked()).isEqualTo(1);
      String text = new DigestRenderer(ApiTestServer.ZONE).render(digest).text();
      assertThat(text)
          .contains("WHAT PULLED THE SCORE DOWN THIS WEEK")
          .contains("- slow swaps: -1.11 (95% CI -1.59 \u2013 -0.63; 10 answers, 41.7% of answers)");

      // The theme detail: impact over 12 weeks, this week's equal to the list's.
      JsonObject detail = server.admin("GET", "/api/v1/themes/" + stored.slow() + "?surveyId=" + id + "&week=" + W47, null).json();
      JsonArray weeks = detail.getAsJsonObject("impact").getAsJsonArray("weeks");
      assertThat(weeks).hasSize(12);
      JsonObject last = weeks.get(11).getAsJsonObject();
      assertThat(last.get("week").getAsString()).isEqualTo(W47.toString());
      assertThat(last.getAsJsonObject("driver").get("impact").getAsDouble()).isEqualTo(slow.get("impact").getAsDouble());
      assertThat(weeks.get(0).getAsJsonObject().has("driver") && !weeks.get(0).getAsJsonObject().get("driver").isJsonNull())
          .isFalse();

      // A week without answers: empty lists, not an error.
      JsonObject empty = server.admin("GET", "/api/v1/themes?surveyId=" + id + "&week=2026-W45", null).json().getAsJsonObject("drivers");
      assertThat(empty.get("answers").getAsInt()).isZero();
      assertThat(empty.getAsJsonArray("negative")).isEmpty();
      assertThat(empty.getAsJsonArray("positive")).isEmpty();
      assertThat(empty.getAsJsonArray("tooFew")).isEmpty();
    }
  }

  @Test
  void runNowStartsOneRunAndASecondStartIsRefusedNamingIt() throws Exception {
    Stored stored = store(dir);
    CountDownLatch release = new CountDownLatch(1);
    try (ApiTestServer server = ApiTestServer.start(dir, List.of(), DigestSettings.DEFAULTS, runner -> (s, w, p) -> {
      p.update("enrich", 0, 21);
      try {
        release.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return runner.run(s, w, p);
    })) {
      long id = stored.survey().id();
      ApiTestServer.Reply started = server.admin("POST", "/api/v1/themes/runs?surveyId=" + id + "&week=" + W47, null);
      assertThat(started.status()).as("%s", started).isEqualTo(202);
      long runId = started.json().get("id").getAsLong();
      assertThat(started.json().get("status").getAsString()).isEqualTo("running");
      assertThat(started.json().get("trigger").getAsString()).isEqualTo("manual");

      for (String path : List.of("/api/v1/themes/runs", "/api/v1/themes/run")) {
        ApiTestServer.Reply again = server.admin("POST", path + "?surveyId=" + id + "&week=" + W47, null);
        assertThat(again.status()).as("%s %s", path, again).isEqualTo(409);
        assertThat(again.json().getAsJsonObject("details").get("runId").getAsString()).isEqualTo(Long.toString(runId));
        assertThat(again.json().get("title").getAsString()).contains("run " + runId);
      }
      JsonObject status = server.admin("GET", "/api/v1/themes?surveyId=" + id + "&week=" + W47, null).json().getAsJsonObject("runs");
      assertThat(status.getAsJsonObject("running").get("id").getAsLong()).isEqualTo(runId);
      assertThat(status.getAsJsonObject("running").getAsJsonObject("progress").get("stage").getAsString()).isEqualTo("enrich");
      assertThat(status.get("intervalMinutes").getAsLong()).isEqualTo(60);

      release.countDown();
      JsonObject run = null;
      for (int i = 0; i < 600; i++) {
        run = server.admin("GET", "/api/v1/themes/runs/" + runId, null).json();
        if (!run.get("status").getAsString().equals("running")) {
          break;
        }
        Thread.sleep(500);
      }
      assertThat(run.get("status").getAsString()).as("%s", run).isEqualTo("succeeded");
      assertThat(run.get("answers").getAsInt()).isEqualTo(21);
      assertThat(run.get("durationSeconds").getAsDouble()).isGreaterThanOrEqualTo(0);

      JsonArray listed = server.admin("GET", "/api/v1/themes/runs?surveyId=" + id, null).json().getAsJsonArray("runs");
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).getAsJsonObject().get("id").getAsLong()).isEqualTo(runId);
      JsonObject after = server.admin("GET", "/api/v1/themes?surveyId=" + id + "&week=" + W47, null).json().getAsJsonObject("runs");
      assertThat(after.get("lastRunAt").getAsString()).isEqualTo(run.get("finishedAt").getAsString());
      assertThat(after.get("waiting").getAsInt()).isZero();
      assertThat(after.has("running") && !after.get("running").isJsonNull()).isFalse();

      // Bad input.
      ApiTestServer.Reply badLimit = server.admin("GET", "/api/v1/themes/runs?limit=0", null);
      assertThat(badLimit.status()).isEqualTo(400);
      assertThat(badLimit.json().getAsJsonObject("details").has("limit")).isTrue();
      assertThat(server.admin("GET", "/api/v1/themes/runs/99999", null).status()).isEqualTo(404);
    }
  }
}
