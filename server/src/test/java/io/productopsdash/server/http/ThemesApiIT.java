package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.data.Database;
import io.productopsdash.engine.theme.ThemePipeline;
import io.productopsdash.engine.theme.WeeklyThemeRun;
import io.productopsdash.models.WeekId;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Weekly themes and feature requests over HTTP: run two weeks, read them back, set a status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThemesApiIT {
  private static final List<String> LOGIN =
      List.of(
          "I cannot log in, the login page keeps failing",
          "Login fails every morning with an error",
          "The password reset email never arrives so I cannot sign in",
          "Sign in is broken, it says my password is wrong",
          "Logging in takes forever and then times out, Anna Schmidt from support could not help",
          "I get logged out all the time and have to log in again",
          "Two-factor login code never works",
          "Can't sign in on my phone, login just spins",
          "Login keeps rejecting my correct password",
          "The sign-in screen crashes when I enter my password",
          "Login error again today, I could not access my account",
          "Password login stopped working after the update",
          "I was locked out of my account, sign in failed three times",
          "Login page shows an error and won't let me in",
          "Signing in is so unreliable, it fails half the time",
          "Still cannot log in with my password",
          "The login form rejects my credentials");
  private static final List<String> PRICING =
      List.of(
          "The subscription is far too expensive",
          "Prices went up again, it costs too much",
          "Too pricey for what it offers, lower the price",
          "The monthly fee is way too high",
          "Expensive plan, I pay too much every month",
          "The premium price is not worth the money",
          "Cost is too high compared to competitors",
          "I will cancel because the subscription price is too expensive",
          "Pricing is outrageous for a small team",
          "The annual plan costs way too much money",
          "It is too expensive, the price doubled",
          "Paying this much per month is too expensive for me",
          "The new pricing is too high for us",
          "Way too expensive subscription fee",
          "The price of the pro plan is much too high",
          "Monthly cost is too expensive for students");
  private static final List<String> DARK_MODE =
      List.of(
          "Please add a dark mode",
          "I wish there was a dark mode for night use",
          "Please add a dark theme, the white screen hurts my eyes",
          "Would be great if you added dark mode",
          "Dark mode please, the bright background is too bright at night",
          "Please add a dark mode option",
          "I would love a dark theme",
          "Can you please add dark mode");
  /** Off-topic one-off comments of week 12, among the three topics: the unclustered bucket. */
  private static final List<String> NOISE = List.of("asdf", "my cat likes boxes", "what is the weather");

  @TempDir static Path dir;
  private ApiTestServer server;
  private long surveyId;

  @BeforeAll
  void start() throws SQLException {
    server = ApiTestServer.start(dir);
    surveyId = server.createSurvey(1.0);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dbFile().toAbsolutePath());
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO answers (response_id, survey_id, user_id, week, score, comment, created_at, updated_at)"
                    + " VALUES (?,?,?,?,?,?,'2026-03-02T09:00:00Z','2026-03-02T09:00:00Z')")) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        rows.add(new Object[] {"w1-l" + i, "ul" + i, "2026-W10", 2 + i % 2, LOGIN.get(i)});
        rows.add(new Object[] {"w1-p" + i, "up" + i, "2026-W10", 4 + i % 2, PRICING.get(i)});
      }
      for (int i = 0; i < 8; i++) {
        if (i < 7) {
          rows.add(new Object[] {"w2-l" + i, "vl" + i, "2026-W11", 2 + i % 2, LOGIN.get(10 + i)});
        }
        if (i < 6) {
          rows.add(new Object[] {"w2-p" + i, "vp" + i, "2026-W11", 4 + i % 2, PRICING.get(10 + i)});
        }
        rows.add(new Object[] {"w2-d" + i, "vd" + Math.min(i, 6), "2026-W11", 6 + i % 2, DARK_MODE.get(i)});
      }
      // Week 12 (run last): six answers per topic and three off-topic comments.
      for (int i = 0; i < 6; i++) {
        rows.add(new Object[] {"w3-l" + i, "xl" + i, "2026-W12", 2 + i % 2, LOGIN.get(i)});
        rows.add(new Object[] {"w3-p" + i, "xp" + i, "2026-W12", 4 + i % 2, PRICING.get(i)});
        rows.add(new Object[] {"w3-d" + i, "xd" + i, "2026-W12", 6 + i % 2, DARK_MODE.get(i)});
      }
      for (int i = 0; i < NOISE.size(); i++) {
        rows.add(new Object[] {"w3-n" + i, "xn" + i, "2026-W12", 4, NOISE.get(i)});
      }
      for (Object[] r : rows) {
        ps.setString(1, (String) r[0]);
        ps.setLong(2, surveyId);
        ps.setString(3, (String) r[1]);
        ps.setString(4, (String) r[2]);
        ps.setInt(5, (Integer) r[3]);
        ps.setString(6, (String) r[4]);
        ps.executeUpdate();
      }
    }
  }

  /** The run enriches first: a person name in a stored comment is gone before clustering. */
  @Test
  @Order(99)
  void namesAreRedactedFromStoredCommentsByTheRun() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dbFile().toAbsolutePath());
        PreparedStatement ps = c.prepareStatement("SELECT comment FROM answers WHERE response_id = 'w1-l4'")) {
      var rs = ps.executeQuery();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).contains("[name]").doesNotContain("Anna", "Schmidt");
    }
    String themes = ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=2026-W10", null)).body();
    assertThat(themes).doesNotContain("Anna Schmidt");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Reply ok(Reply r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r;
  }

  @Test
  @Order(1)
  void runsTwoWeeksAndTracksTheThemes() {
    JsonObject w1 = ok(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=2026-W10", null)).json();
    assertThat(w1.get("answers").getAsInt()).isEqualTo(20);
    assertThat(w1.getAsJsonArray("themes")).hasSize(2);
    JsonObject w2 = ok(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=2026-W11", null)).json();
    assertThat(w2.get("answers").getAsInt()).isEqualTo(21);
    assertThat(w2.get("embedded").getAsInt()).isEqualTo(21);
    JsonArray themes = w2.getAsJsonArray("themes");
    assertThat(themes).hasSize(3);
    List<String> trends = new ArrayList<>();
    for (JsonElement e : themes) {
      trends.add(e.getAsJsonObject().get("trend").getAsString());
    }
    assertThat(trends).containsExactlyInAnyOrder("NEW", "STABLE", "STABLE");
  }

  @Test
  @Order(2)
  void listsAWeeksThemesWithQuotesAndOneThemeWithItsAnswers() {
    JsonObject list = ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=2026-W11", null)).json();
    assertThat(list.get("week").getAsString()).isEqualTo("2026-W11");
    JsonObject dark = null;
    for (JsonElement e : list.getAsJsonArray("themes")) {
      if (e.getAsJsonObject().get("trend").getAsString().equals("NEW")) {
        dark = e.getAsJsonObject();
      }
    }
    assertThat(dark).isNotNull();
    JsonObject none = list.getAsJsonObject("unclustered");
    assertThat(none.get("size").getAsInt()).isZero();
    assertThat(none.get("share").getAsDouble()).isZero();
    assertThat(none.getAsJsonArray("quotes")).isEmpty();
    assertThat(dark.get("size").getAsInt()).isEqualTo(8);
    assertThat(dark.get("share").getAsDouble()).isEqualTo(8.0 / 21);
    assertThat(dark.get("meanScore").getAsDouble()).isEqualTo(6.5);
    assertThat(dark.getAsJsonObject("meanInterval").get("low").getAsDouble()).isLessThan(6.5);
    assertThat(dark.get("label").getAsString()).contains("dark");
    JsonArray quotes = dark.getAsJsonArray("quotes");
    assertThat(quotes).hasSize(3);
    for (JsonElement q : quotes) {
      assertThat(DARK_MODE).contains(q.getAsJsonObject().get("text").getAsString());
    }
    // Without a week: the latest one.
    JsonObject latest = ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId, null)).json();
    assertThat(latest.get("week").getAsString()).isEqualTo("2026-W11");

    long id = dark.get("id").getAsLong();
    JsonObject one = ok(server.admin("GET", "/api/v1/themes/" + id + "?week=2026-W11", null)).json();
    assertThat(one.getAsJsonObject("theme").get("id").getAsLong()).isEqualTo(id);
    JsonArray answers = one.getAsJsonArray("answers");
    assertThat(answers).hasSize(8);
    for (JsonElement a : answers) {
      assertThat(DARK_MODE).contains(a.getAsJsonObject().get("comment").getAsString());
      assertThat(a.getAsJsonObject().get("week").getAsString()).isEqualTo("2026-W11");
    }
    // Sub-themes: each with an index, a size, a label and 1-2 of its answers; sizes add up to the theme's.
    JsonArray subThemes = one.getAsJsonArray("subThemes");
    assertThat(subThemes).isNotEmpty();
    int sum = 0;
    List<Integer> indices = new ArrayList<>();
    for (JsonElement e : subThemes) {
      JsonObject s = e.getAsJsonObject();
      indices.add(s.get("index").getAsInt());
      sum += s.get("size").getAsInt();
      assertThat(s.get("size").getAsInt()).isPositive();
      assertThat(s.get("label").getAsString()).isNotBlank();
      JsonArray subQuotes = s.getAsJsonArray("quotes");
      assertThat(subQuotes.size()).isBetween(1, 2);
      for (JsonElement q : subQuotes) {
        assertThat(DARK_MODE).contains(q.getAsJsonObject().get("text").getAsString());
      }
    }
    assertThat(indices).doesNotHaveDuplicates();
    assertThat(sum).isEqualTo(8);
    JsonObject mix = one.getAsJsonObject("theme").getAsJsonObject("sentimentMix");
    assertThat(mix.keySet()).containsExactly("negative", "neutral", "positive", "pending");
    assertThat(mixTotal(mix)).isEqualTo(8);
    assertThat(ok(server.admin("GET", "/api/v1/themes/" + id, null)).json().getAsJsonArray("answers")).hasSize(8);
    assertError(server.admin("GET", "/api/v1/themes/" + id + "?week=2026-W10", null), 404, null);
  }

  @Test
  @Order(3)
  void listsFeatureRequestsAndSetsTheirStatus() {
    JsonArray requests =
        ok(server.admin("GET", "/api/v1/feature-requests?surveyId=" + surveyId, null)).json().getAsJsonArray("featureRequests");
    JsonObject dark = null;
    for (JsonElement e : requests) {
      if (e.getAsJsonObject().get("name").getAsString().contains("dark")) {
        dark = e.getAsJsonObject();
        break;
      }
    }
    assertThat(dark).as("%s", requests).isNotNull();
    assertThat(dark.get("status").getAsString()).isEqualTo("new");
    int answers = dark.get("answers").getAsInt();
    assertThat(answers).isGreaterThanOrEqualTo(6);
    assertThat(dark.get("requesters").getAsInt()).isEqualTo(answers - 1);
    // Weekly counts are distinct requesters.
    assertThat(dark.getAsJsonObject("weekly").get("2026-W11").getAsInt()).isEqualTo(answers - 1);
    assertThat(ok(server.admin("GET", "/api/v1/feature-requests", null)).json().getAsJsonArray("featureRequests"))
        .hasSize(requests.size());

    long id = dark.get("id").getAsLong();
    JsonObject planned = ok(server.admin("PATCH", "/api/v1/feature-requests/" + id, "{\"status\":\"planned\"}")).json();
    assertThat(planned.get("status").getAsString()).isEqualTo("planned");
    assertThat(server.text("SELECT status FROM request_groups WHERE id = ?", id)).isEqualTo("planned");
    assertThat(assertError(server.admin("PATCH", "/api/v1/feature-requests/" + id, "{\"status\":\"done\"}"), 400, "status"))
        .contains("shipped");
    assertError(server.admin("PATCH", "/api/v1/feature-requests/" + id, "{}"), 400, "body");
    assertError(server.admin("PATCH", "/api/v1/feature-requests/9999", "{\"status\":\"planned\"}"), 404, null);
  }

  private static int mixTotal(JsonObject mix) {
    int total = 0;
    for (String key : mix.keySet()) {
      total += mix.get(key).getAsInt();
    }
    return total;
  }

  /** The pipeline's background sentiment run fills in every theme's mix, read at request time. */
  @Test
  @Order(5)
  void sentimentMixAddsUpToEachThemeSizeOnceTheWorkerIsDone() throws Exception {
    JsonObject before = ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=2026-W11", null)).json();
    long seriesId = before.get("seriesId").getAsLong();
    try (Database db = Database.open(server.dataDir)) {
      ThemePipeline.Outcome again =
          ThemePipeline.run(db, seriesId, WeekId.parse("2026-W11"), Clock.systemUTC(), WeeklyThemeRun.Progress.NONE);
      assertThat(again.enrichment().enriched()).isZero();
      assertThat(again.themes().embedded()).isZero();
      again.sentiment().get(5, TimeUnit.MINUTES);
    }
    JsonArray themes =
        ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=2026-W11", null)).json().getAsJsonArray("themes");
    assertThat(themes).hasSize(3);
    for (JsonElement e : themes) {
      JsonObject t = e.getAsJsonObject();
      JsonObject mix = t.getAsJsonObject("sentimentMix");
      assertThat(mixTotal(mix)).as("%s", t).isEqualTo(t.get("size").getAsInt());
      assertThat(mix.get("pending").getAsInt()).as("%s", t).isZero();
      JsonObject one = ok(server.admin("GET", "/api/v1/themes/" + t.get("id").getAsLong() + "?week=2026-W11", null)).json();
      assertThat(one.getAsJsonObject("theme").getAsJsonObject("sentimentMix")).isEqualTo(mix);
    }
  }

  @Test
  @Order(6)
  void offTopicCommentsAreServedAsTheUnclusteredBucket() {
    String week = "&week=2026-W12";
    JsonObject run = ok(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + week, null)).json();
    assertThat(run.get("answers").getAsInt()).isEqualTo(21);
    assertThat(run.getAsJsonObject("unclustered").get("size").getAsInt()).isEqualTo(3);
    JsonObject list = ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + week, null)).json();
    List<Integer> sizes = new ArrayList<>();
    for (JsonElement e : list.getAsJsonArray("themes")) {
      sizes.add(e.getAsJsonObject().get("size").getAsInt());
      for (JsonElement q : e.getAsJsonObject().getAsJsonArray("quotes")) {
        assertThat(NOISE).doesNotContain(q.getAsJsonObject().get("text").getAsString());
      }
    }
    assertThat(sizes).containsExactly(6, 6, 6);
    JsonObject bucket = list.getAsJsonObject("unclustered");
    assertThat(bucket.get("size").getAsInt()).isEqualTo(3);
    assertThat(bucket.get("share").getAsDouble()).isEqualTo(3.0 / 21);
    List<String> quoted = new ArrayList<>();
    for (JsonElement q : bucket.getAsJsonArray("quotes")) {
      quoted.add(q.getAsJsonObject().get("text").getAsString());
    }
    assertThat(quoted).containsExactlyInAnyOrderElementsOf(NOISE);
    JsonObject all = ok(server.admin("GET", "/api/v1/themes/unclustered?surveyId=" + surveyId + week, null)).json();
    assertThat(all.get("week").getAsString()).isEqualTo("2026-W12");
    assertThat(all.get("size").getAsInt()).isEqualTo(3);
    List<String> comments = new ArrayList<>();
    for (JsonElement a : all.getAsJsonArray("answers")) {
      comments.add(a.getAsJsonObject().get("comment").getAsString());
      assertThat(a.getAsJsonObject().get("score").getAsInt()).isEqualTo(4);
    }
    assertThat(comments).containsExactlyInAnyOrderElementsOf(NOISE);
    JsonObject w11 = ok(server.admin("GET", "/api/v1/themes/unclustered?surveyId=" + surveyId + "&week=2026-W11", null)).json();
    assertThat(w11.getAsJsonArray("answers")).isEmpty();
    assertError(server.send("GET", "/api/v1/themes/unclustered?surveyId=" + surveyId, null, null), 401, null);
    assertError(server.admin("GET", "/api/v1/themes/unclustered", null), 400, "surveyId");
    assertError(server.admin("GET", "/api/v1/themes/unclustered?surveyId=" + surveyId + "&week=W12", null), 400, "week");
  }

  private JsonObject plannedRequest() {
    JsonObject planned = null;
    for (JsonElement e :
        ok(server.admin("GET", "/api/v1/feature-requests?surveyId=" + surveyId, null)).json().getAsJsonArray("featureRequests")) {
      if (e.getAsJsonObject().get("status").getAsString().equals("planned")) {
        assertThat(planned).as("one planned request").isNull();
        planned = e.getAsJsonObject();
      }
    }
    assertThat(planned).isNotNull();
    return planned;
  }

  private List<Long> requestIds() {
    List<Long> ids = new ArrayList<>();
    for (JsonElement e :
        ok(server.admin("GET", "/api/v1/feature-requests?surveyId=" + surveyId, null)).json().getAsJsonArray("featureRequests")) {
      ids.add(e.getAsJsonObject().get("id").getAsLong());
    }
    return ids;
  }

  /** Theme id to size of a week's themes, as listed. */
  private java.util.Map<Long, Integer> themeSizes(String week) {
    java.util.Map<Long, Integer> out = new java.util.TreeMap<>();
    for (JsonElement e :
        ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=" + week, null)).json().getAsJsonArray("themes")) {
      out.put(e.getAsJsonObject().get("id").getAsLong(), e.getAsJsonObject().get("size").getAsInt());
    }
    return out;
  }

  /**
   * Late answers to week 11 and a re-run of it through the API (as the current week is re-run while
   * answers come in): the planned request keeps its id and status and counts the new requesters, no
   * duplicate appears, and week 11's theme ids (linked from dashboards, digests and week 12) stay.
   */
  @Test
  @Order(7)
  void reRunningAWeekWithLateAnswersKeepsThemeIdsAndThePlannedRequest() throws SQLException {
    JsonObject planned = plannedRequest();
    List<Long> requestsBefore = requestIds();
    java.util.Map<Long, Integer> week11 = themeSizes("2026-W11");
    java.util.Map<Long, Integer> week12 = themeSizes("2026-W12");
    assertThat(week11).hasSize(3);
    // Week 12's themes were tracked to week 11's.
    assertThat(week11.keySet()).containsAll(week12.keySet());
    long dark = week11.entrySet().stream().filter(e -> e.getValue() == 8).findFirst().orElseThrow().getKey();

    List<String> late = List.of("Please add a dark mode, my eyes hurt at night", "Could you please add a dark theme option");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dbFile().toAbsolutePath());
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO answers (response_id, survey_id, user_id, week, score, comment, created_at, updated_at)"
                    + " VALUES (?,?,?,'2026-W11',6,?,'2026-03-10T09:00:00Z','2026-03-10T09:00:00Z')")) {
      for (int i = 0; i < late.size(); i++) {
        ps.setString(1, "w2-late-d" + i);
        ps.setLong(2, surveyId);
        ps.setString(3, "late-user-" + i);
        ps.setString(4, late.get(i));
        ps.executeUpdate();
      }
    }
    JsonObject run = ok(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=2026-W11", null)).json();
    assertThat(run.get("answers").getAsInt()).isEqualTo(21 + 2);

    java.util.Map<Long, Integer> expected = new java.util.TreeMap<>(week11);
    expected.put(dark, 10);
    assertThat(themeSizes("2026-W11")).isEqualTo(expected);
    JsonObject one = ok(server.admin("GET", "/api/v1/themes/" + dark + "?week=2026-W11", null)).json();
    assertThat(one.getAsJsonArray("answers")).hasSize(10);
    List<String> comments = new ArrayList<>();
    for (JsonElement a : one.getAsJsonArray("answers")) {
      comments.add(a.getAsJsonObject().get("comment").getAsString());
    }
    assertThat(comments).containsAll(late);
    for (long id : week12.keySet()) {
      assertThat(ok(server.admin("GET", "/api/v1/themes/" + id + "?week=2026-W12", null)).json()
              .getAsJsonObject("theme").get("id").getAsLong())
          .isEqualTo(id);
    }

    JsonObject after = plannedRequest();
    assertThat(after.get("id").getAsLong()).isEqualTo(planned.get("id").getAsLong());
    assertThat(after.get("name").getAsString()).isEqualTo(planned.get("name").getAsString());
    assertThat(after.get("answers").getAsInt()).isEqualTo(planned.get("answers").getAsInt() + 2);
    assertThat(after.get("requesters").getAsInt()).isEqualTo(planned.get("requesters").getAsInt() + 2);
    assertThat(after.getAsJsonObject("weekly").get("2026-W11").getAsInt())
        .isEqualTo(planned.getAsJsonObject("weekly").get("2026-W11").getAsInt() + 2);
    assertThat(requestIds()).containsExactlyInAnyOrderElementsOf(requestsBefore);
  }

  @Test
  @Order(4)
  void adminTokenAndValidParametersAreRequired() {
    assertError(server.send("GET", "/api/v1/themes?surveyId=" + surveyId, null, null), 401, null);
    assertError(server.send("POST", "/api/v1/themes/run?surveyId=" + surveyId, null, "wrong"), 401, null);
    assertError(server.send("GET", "/api/v1/feature-requests", null, null), 401, null);
    assertError(server.send("PATCH", "/api/v1/feature-requests/1", "{\"status\":\"new\"}", null), 401, null);
    assertError(server.admin("GET", "/api/v1/themes", null), 400, "surveyId");
    assertError(server.admin("GET", "/api/v1/themes?surveyId=abc", null), 400, "surveyId");
    assertError(server.admin("GET", "/api/v1/themes?surveyId=999", null), 404, null);
    assertError(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=W11", null), 400, "week");
    assertError(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=2026-W99", null), 400, "week");
    assertError(server.admin("GET", "/api/v1/themes/x", null), 400, "id");
    assertError(server.admin("GET", "/api/v1/themes/9999", null), 404, null);
  }

  @Test
  @Order(9)
  void themesHaveReadableNamesAndAPinnedRenameSurvivesAReRun() {
    JsonObject list = ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=2026-W11", null)).json();
    List<String> names = new ArrayList<>();
    JsonObject dark = null;
    for (JsonElement e : list.getAsJsonArray("themes")) {
      JsonObject t = e.getAsJsonObject();
      String name = t.get("name").getAsString();
      names.add(name);
      // 2 to 6 words, no redaction token, no number, no bare keyword list.
      assertThat(name.split(" ")).hasSizeBetween(2, 6);
      assertThat(name).doesNotContain("[").doesNotContain(",").doesNotContainPattern("\\d");
      if (t.get("keywords").toString().contains("dark")) {
        dark = t;
      }
    }
    assertThat(names).doesNotHaveDuplicates();
    assertThat(dark).isNotNull();
    assertThat(dark.get("name").getAsString().toLowerCase(java.util.Locale.ROOT)).contains("dark");
    long id = dark.get("id").getAsLong();

    // Bad names name the field; an unknown theme is a 404.
    assertError(server.admin("PATCH", "/api/v1/themes/" + id, "{\"name\":\"\"}"), 400, "name");
    assertError(server.admin("PATCH", "/api/v1/themes/" + id, "{\"name\":\"" + "x".repeat(81) + "\"}"), 400, "name");
    assertError(server.admin("PATCH", "/api/v1/themes/" + id, "{\"name\":\"Dark\\u0000mode\"}"), 400, "name");
    String other = names.stream().filter(n -> !n.equals(nameOf(list, id))).findFirst().orElseThrow();
    // Another theme's name, in other case: names stay unique.
    assertError(
        server.admin("PATCH", "/api/v1/themes/" + id, "{\"name\":\"" + other.toUpperCase(java.util.Locale.ROOT) + "\"}"),
        400, "name");
    assertError(server.admin("PATCH", "/api/v1/themes/99999", "{\"name\":\"Night theme\"}"), 404, null);

    JsonObject renamed = ok(server.admin("PATCH", "/api/v1/themes/" + id, "{\"name\":\"Night theme requests\"}")).json();
    assertThat(renamed.get("name").getAsString()).isEqualTo("Night theme requests");
    assertThat(renamed.get("pinned").getAsBoolean()).isTrue();
    // A re-run of the week keeps the id and the pinned name; the history records the rename by a PM.
    ok(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=2026-W11", null));
    JsonObject one = ok(server.admin("GET", "/api/v1/themes/" + id + "?week=2026-W11", null)).json();
    assertThat(one.getAsJsonObject("theme").get("name").getAsString()).isEqualTo("Night theme requests");
    assertThat(one.getAsJsonObject("theme").get("pinned").getAsBoolean()).isTrue();
    List<String> kinds = new ArrayList<>();
    for (JsonElement e : one.getAsJsonArray("history")) {
      kinds.add(e.getAsJsonObject().get("kind").getAsString());
      if (e.getAsJsonObject().get("kind").getAsString().equals("renamed")) {
        assertThat(e.getAsJsonObject().get("byPm").getAsBoolean()).isTrue();
        assertThat(e.getAsJsonObject().get("to").getAsString()).isEqualTo("Night theme requests");
      }
    }
    assertThat(kinds).contains("created", "renamed");
    assertThat(one.getAsJsonObject("weekly").get("2026-W11").getAsInt()).isEqualTo(one.getAsJsonArray("answers").size());
    // The search facets and hits name the theme by its pinned name.
    JsonObject search = ok(server.admin("GET", "/api/v1/search?surveyId=" + surveyId + "&q=dark", null)).json();
    assertThat(search.getAsJsonObject("themeNames").get(String.valueOf(id)).getAsString()).isEqualTo("Night theme requests");
    // Unpinned, the name stays until the answers drift.
    JsonObject unpinned =
        ok(server.admin("PATCH", "/api/v1/themes/" + id, "{\"name\":\"Night theme requests\",\"pinned\":false}")).json();
    assertThat(unpinned.get("pinned").getAsBoolean()).isFalse();
  }

  private static String nameOf(JsonObject list, long id) {
    for (JsonElement e : list.getAsJsonArray("themes")) {
      if (e.getAsJsonObject().get("id").getAsLong() == id) {
        return e.getAsJsonObject().get("name").getAsString();
      }
    }
    return "";
  }

  @Test
  @Order(10)
  void aWeekWithoutAnswersRunsToNoThemes() {
    JsonObject empty = ok(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=2025-W40", null)).json();
    assertThat(empty.get("answers").getAsInt()).isZero();
    assertThat(empty.getAsJsonArray("themes")).isEmpty();
    JsonObject list = ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=2025-W40", null)).json();
    assertThat(list.getAsJsonArray("themes")).isEmpty();
    assertThat(list.getAsJsonArray("gone")).isEmpty();
  }
}
