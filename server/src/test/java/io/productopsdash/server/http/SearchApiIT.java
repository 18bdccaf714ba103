package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Search over HTTP: seed a week of answers, run its themes (which indexes them), then search. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchApiIT {
  private static final String WEEK = "2026-W10";
  private static final String INSERT_ANSWER =
      "INSERT INTO answers (response_id, survey_id, user_id, week, score, comment, created_at, updated_at)"
          + " VALUES (?,?,?,?,?,?,'2026-03-02T09:00:00Z','2026-03-02T09:00:00Z')";
  private static final List<String> LOGIN =
      List.of(
          "I cannot log in, the login page keeps failing",
          "Login fails every morning with an error",
          "The password reset email never arrives so I cannot sign in",
          "Sign in is broken, it says my password is wrong",
          "Logging in takes forever and then times out",
          "I get logged out all the time and have to log in again",
          "Two-factor login code never works",
          "Can't sign in on my phone, login just spins",
          "Login keeps rejecting my correct password",
          "The sign-in screen crashes when I enter my password");
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
          "The annual plan costs way too much money");

  @TempDir static Path dir;
  private ApiTestServer server;
  private long surveyId;
  private final Set<Long> loginIds = new HashSet<>();
  private final Set<Long> expensiveIds = new HashSet<>();
  private final Set<Long> pricingIds = new HashSet<>();

  @BeforeAll
  void start() throws SQLException {
    server = ApiTestServer.start(dir);
    surveyId = server.createSurvey(1.0);
    String url = "jdbc:sqlite:" + server.dbFile().toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement(INSERT_ANSWER, java.sql.Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < 10; i++) {
        long login = insert(ps, "l" + i, 2 + i % 2, LOGIN.get(i));
        loginIds.add(login);
        long pricing = insert(ps, "p" + i, 4 + i % 2, PRICING.get(i));
        pricingIds.add(pricing);
        if (PRICING.get(i).toLowerCase(java.util.Locale.ROOT).contains("expensive")) {
          expensiveIds.add(pricing);
        }
      }
    }
    JsonObject run = ok(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=" + WEEK, null)).json();
    assertThat(run.getAsJsonArray("themes")).hasSize(2);
  }

  private long insert(PreparedStatement ps, String key, int score, String comment) throws SQLException {
    ps.setString(1, key);
    ps.setLong(2, surveyId);
    ps.setString(3, "u" + key);
    ps.setString(4, WEEK);
    ps.setInt(5, score);
    ps.setString(6, comment);
    ps.executeUpdate();
    try (ResultSet rs = ps.getGeneratedKeys()) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static Reply ok(Reply r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r;
  }

  private JsonObject search(String query) {
    return ok(server.admin("GET", "/api/v1/search?" + query, null)).json();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void aKeywordQueryFindsTheAnswersWithHighlighting() {
    JsonObject reply = search("q=expensive&surveyId=" + surveyId);
    assertThat(reply.get("literalFallback").getAsBoolean()).isFalse();
    List<Long> ids = new ArrayList<>();
    for (JsonElement e : reply.getAsJsonArray("hits")) {
      JsonObject hit = e.getAsJsonObject();
      ids.add(hit.get("answerId").getAsLong());
      assertThat(hit.get("snippet").getAsString()).containsIgnoringCase("<em>expensive</em>");
      assertThat(hit.get("week").getAsString()).isEqualTo(WEEK);
      assertThat(hit.has("themeId")).isTrue();
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(expensiveIds);
    assertThat(reply.get("total").getAsLong()).isEqualTo(expensiveIds.size());
  }

  @Test
  @Order(2)
  void theThemeFacetCountsMatchTheThemeSizes() {
    JsonObject themes = ok(server.admin("GET", "/api/v1/themes?surveyId=" + surveyId + "&week=" + WEEK, null)).json();
    Map<String, Integer> sizes = new HashMap<>();
    for (JsonElement e : themes.getAsJsonArray("themes")) {
      JsonObject t = e.getAsJsonObject();
      sizes.put(t.get("id").getAsString(), t.get("size").getAsInt());
    }
    assertThat(sizes).hasSize(2);
    JsonObject reply = search("surveyId=" + surveyId + "&from=" + WEEK + "&to=" + WEEK);
    assertThat(reply.get("total").getAsLong()).isEqualTo(20);
    Map<String, Integer> facet = new HashMap<>();
    for (JsonElement e : reply.getAsJsonObject("facets").getAsJsonArray("theme")) {
      JsonObject f = e.getAsJsonObject();
      facet.put(f.get("label").getAsString(), f.get("count").getAsInt());
    }
    assertThat(facet).isEqualTo(sizes);
    String someTheme = sizes.keySet().iterator().next();
    JsonObject filtered = search("surveyId=" + surveyId + "&theme=" + someTheme + "&pageSize=100");
    assertThat(filtered.get("total").getAsInt()).isEqualTo(sizes.get(someTheme));
  }

  @Test
  @Order(3)
  void aMalformedQueryIsSearchedLiterally() {
    JsonObject reply = search("q=" + enc("login AND (\"unclosed"));
    assertThat(reply.get("literalFallback").getAsBoolean()).isTrue();
  }

  @Test
  @Order(4)
  void unknownParametersAndTooLargePagesAreRejected() {
    assertError(server.admin("GET", "/api/v1/search?q=login&bogus=1", null), 400, "bogus");
    assertError(server.admin("GET", "/api/v1/search?q=login&pageSize=101", null), 400, "pageSize");
    assertError(server.admin("GET", "/api/v1/answers/1/similar?k=5&nope=2", null), 400, "nope");
    assertThat(server.send("GET", "/api/v1/search?q=login", null, null).status()).isEqualTo(401);
  }

  @Test
  @Order(5)
  void similarAnswersOfTheSameThemeComeFirst() {
    long first = loginIds.stream().mapToLong(Long::longValue).min().orElseThrow();
    JsonObject hit = search("surveyId=" + surveyId + "&pageSize=100");
    String theme = null;
    for (JsonElement e : hit.getAsJsonArray("hits")) {
      if (e.getAsJsonObject().get("answerId").getAsLong() == first) {
        theme = e.getAsJsonObject().get("themeId").getAsString();
      }
    }
    assertThat(theme).isNotNull();
    JsonArray similar = ok(server.admin("GET", "/api/v1/answers/" + first + "/similar?k=5", null)).json().getAsJsonArray("similar");
    assertThat(similar).hasSize(5);
    for (JsonElement e : similar) {
      JsonObject s = e.getAsJsonObject();
      assertThat(s.get("answerId").getAsLong()).isNotEqualTo(first);
      assertThat(s.get("themeId").getAsString()).as("%s", s).isEqualTo(theme);
    }
    assertThat(server.admin("GET", "/api/v1/answers/999999/similar", null).status()).isEqualTo(404);
  }

  @Test
  @Order(6)
  void anAnswerPostedByTheWidgetBecomesSearchableWithoutAThemeRun() throws InterruptedException {
    Reply posted = server.answer(surveyId, "{\"responseId\":\"w1\",\"userId\":\"uw1\",\"score\":2,"
        + "\"comment\":\"The kangaroo icon is confusing\"}");
    assertThat(posted.status()).as("%s", posted).isEqualTo(201);
    long id = posted.json().get("id").getAsLong();
    JsonObject found = awaitHits("q=kangaroo", 1);
    assertThat(found.getAsJsonArray("hits").get(0).getAsJsonObject().get("answerId").getAsLong()).isEqualTo(id);
    assertThat(found.getAsJsonArray("hits").get(0).getAsJsonObject().get("snippet").getAsString())
        .isEqualTo("The <em>kangaroo</em> icon is confusing");

    // An answer first sent without a comment, then again with one: the comment becomes searchable.
    assertThat(server.answer(surveyId, "{\"responseId\":\"w2\",\"userId\":\"uw2\",\"score\":6}").status())
        .isEqualTo(201);
    assertThat(server.answer(surveyId, "{\"responseId\":\"w2\",\"userId\":\"uw2\",\"score\":6,"
        + "\"comment\":\"Please add a wombat mode\"}").status()).isEqualTo(200);
    assertThat(awaitHits("q=wombat", 1).get("total").getAsLong()).isEqualTo(1);

    // A person's name is cleared (CoreNLP, before indexing) from SQLite and never reaches the index.
    assertThat(server.answer(surveyId, "{\"responseId\":\"w3\",\"userId\":\"uw3\",\"score\":3,"
        + "\"comment\":\"The koala charts are broken, says Jennifer Lawrence\"}").status()).isEqualTo(201);
    JsonObject koala = awaitHits("q=koala", 1);
    assertThat(koala.getAsJsonArray("hits").get(0).getAsJsonObject().get("snippet").getAsString())
        .isEqualTo("The <em>koala</em> charts are broken, says [name]");
    assertThat(search("q=lawrence").get("total").getAsLong()).isZero();
    assertThat(server.count("SELECT COUNT(*) FROM answers WHERE comment LIKE '%Lawrence%'")).isZero();
  }

  @Test
  @Order(7)
  void answersWrittenWhileStoppedAreIndexedAtTheNextStart() throws SQLException, InterruptedException {
    server.close();
    String url = "jdbc:sqlite:" + server.dbFile().toAbsolutePath();
    long id;
    // As an import (another process) would: straight into SQLite, while no server runs.
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement(INSERT_ANSWER, java.sql.Statement.RETURN_GENERATED_KEYS)) {
      id = insert(ps, "offline", 1, "The platypus emoji is missing, Tom Hanks agrees");
    }
    server = ApiTestServer.start(dir);
    // Never enriched, so not indexed by the catch-up: the live indexer's backlog clears the name
    // first, in the background.
    JsonObject found = awaitHits("q=platypus", 1);
    assertThat(found.get("total").getAsLong()).isEqualTo(1);
    assertThat(found.getAsJsonArray("hits").get(0).getAsJsonObject().get("answerId").getAsLong()).isEqualTo(id);
    assertThat(search("q=kangaroo").get("total").getAsLong()).isEqualTo(1);
    assertThat(search("q=hanks").get("total").getAsLong()).isZero();
    assertThat(server.count("SELECT COUNT(*) FROM answers WHERE comment = 'The platypus emoji is missing, [name] agrees'"))
        .isEqualTo(1);
  }

  @Test
  @Order(8)
  void hybridModeFindsAParaphraseThatKeywordsMiss() {
    JsonObject keyword = search("q=overpriced");
    assertThat(keyword.get("total").getAsLong()).isZero();
    assertThat(keyword.get("mode").getAsString()).isEqualTo("keyword");
    JsonObject hybrid = search("q=overpriced&mode=hybrid&pageSize=3&surveyId=" + surveyId);
    assertThat(hybrid.get("mode").getAsString()).isEqualTo("hybrid");
    assertThat(hybrid.getAsJsonArray("hits")).hasSize(3).allSatisfy(
        e -> assertThat(pricingIds).contains(e.getAsJsonObject().get("answerId").getAsLong()));
    JsonObject vector = search("q=overpriced&mode=vector&pageSize=1&minScore=4");
    assertThat(vector.getAsJsonArray("hits")).hasSize(1);
    assertThat(vector.getAsJsonArray("hits").get(0).getAsJsonObject().get("score").getAsInt()).isGreaterThanOrEqualTo(4);
    assertError(server.admin("GET", "/api/v1/search?q=x&mode=semantic", null), 400, "mode");
  }

  /* The live indexer works in the background: poll (a few milliseconds usually). */
  private JsonObject awaitHits(String query, int expected) throws InterruptedException {
    // Generous: the first comment posted in a JVM may wait for CoreNLP to load.
    long deadline = System.nanoTime() + 90_000_000_000L;
    JsonObject r = search(query);
    while (r.get("total").getAsLong() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
      r = search(query);
    }
    assertThat(r.get("total").getAsLong()).as("%s", r).isEqualTo(expected);
    return r;
  }
}
