package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redaction end to end on the real app (SQLite file, CoreNLP, Lucene, MiniLM): product words kept
 * and people removed in what is stored, indexed and themed; the reply to a new answer; the
 * redaction report, the dry run and the glossary with its bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedactionApiIT {
  static final String ASK = "Please add Solana and Cardano support, thanks Maria Lopez";
  static final String STORED = "Please add Solana and Cardano support, thanks [name]";

  @TempDir static Path dir;
  ApiTestServer server;
  long surveyId;

  @BeforeAll
  void start() {
    server = ApiTestServer.start(dir);
    surveyId = server.createSurvey(1.0);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Reply post(String responseId, int score, String comment) {
    return server.answer(
        surveyId,
        "{\"responseId\":\"" + responseId + "\",\"userId\":\"u-" + responseId + "\",\"score\":" + score
            + ",\"comment\":\"" + comment + "\"}");
  }

  private static Reply ok(Reply r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r;
  }

  @Test
  @Order(1)
  void theAskIsStoredIndexedAndThemedWithItsChainsAndWithoutThePerson() {
    Reply created = post("ask", 3, ASK);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    // The reply never echoes a comment that may still hold a name.
    assertThat(created.body()).doesNotContain("Maria", "Lopez");
    assertThat(created.json().get("commentStatus").getAsString()).isEqualTo("clearing-names");
    List<String> others =
        List.of(
            "Please add Solana support, my tokens are there",
            "Cardano staking support would be great",
            "Add Solana and Cardano please",
            "Support for Solana NFTs please",
            "Please support Cardano native tokens",
            "Cardano and Solana support is all I need",
            "When will you add Solana support?",
            "Please add Cardano, my Ada is stuck elsewhere",
            "Dark mode please, the screen is too bright at night",
            "The app needs a dark mode for night use",
            "Dark theme would be easier on the eyes",
            "Please make a dark mode",
            "Night mode with dark colours please",
            "A dark mode would save my eyes at night",
            "Dark mode is missing, the white screen hurts",
            "Give us a dark theme for the night");
    for (int i = 0; i < others.size(); i++) {
      assertThat(post("o" + i, 4, others.get(i)).status()).isEqualTo(201);
    }
    server.awaitNamesCleared();

    assertThat(server.text("SELECT comment FROM answers WHERE response_id = 'ask'")).isEqualTo(STORED);
    assertThat(server.count("SELECT COUNT(*) FROM answers WHERE comment LIKE '%Maria%' OR comment LIKE '%Lopez%'"))
        .isZero();
    // A repeat now echoes the stored form.
    Reply again = post("ask", 3, ASK);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("comment").getAsString()).isEqualTo(STORED);
    assertThat(again.json().get("commentStatus").getAsString()).isEqualTo("stored");

    // Indexed: "Solana" finds it, the name does not.
    JsonObject hits = ok(server.admin("GET", "/api/v1/search?q=Cardano+thanks", null)).json();
    assertThat(hits.getAsJsonArray("hits").get(0).getAsJsonObject().get("snippet").getAsString())
        .contains("[name]")
        .doesNotContain("Maria");
    assertThat(ok(server.admin("GET", "/api/v1/search?q=solana", null)).json().get("total").getAsLong())
        .isEqualTo(6);
    assertThat(ok(server.admin("GET", "/api/v1/search?q=lopez", null)).json().get("total").getAsLong())
        .isZero();

    // Themed: the week's run puts the stored text in a theme whose label names no redaction.
    JsonObject run =
        ok(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=" + ApiTestServer.START_WEEK, null))
            .json();
    List<String> labels = new ArrayList<>();
    String themeOfAsk = null;
    for (JsonElement e : run.getAsJsonArray("themes")) {
      JsonObject t = e.getAsJsonObject();
      labels.add(t.get("label").getAsString());
      JsonObject one =
          ok(server.admin("GET", "/api/v1/themes/" + t.get("id").getAsLong() + "?week=" + ApiTestServer.START_WEEK, null))
              .json();
      for (JsonElement a : one.getAsJsonArray("answers")) {
        if (a.getAsJsonObject().get("comment").getAsString().equals(STORED)) {
          themeOfAsk = t.get("label").getAsString();
        }
      }
    }
    assertThat(themeOfAsk).as("the ask is in a theme: %s", labels).isNotNull();
    assertThat(themeOfAsk).containsAnyOf("solana", "cardano");
    for (String label : labels) {
      assertThat(label).doesNotContain("name", "[", "maria", "lopez");
    }
  }

  @Test
  @Order(2)
  void theReportCountsKindsPerWeekAndNeverValues() {
    assertThat(post("secrets", 2, "Mail me at jo@example.org or call 4155550132, card 4111.1111.1111.1111").status())
        .isEqualTo(201);
    server.awaitNamesCleared();
    JsonObject summary = ok(server.admin("GET", "/api/v1/redactions/summary?surveyId=" + surveyId, null)).json();
    assertThat(summary.toString()).doesNotContain("example.org", "4155550132", "Maria");
    JsonArray weeks = summary.getAsJsonArray("weeks");
    assertThat(weeks).hasSize(1);
    JsonObject week = weeks.get(0).getAsJsonObject();
    assertThat(week.get("week").getAsString()).isEqualTo(ApiTestServer.START_WEEK);
    assertThat(week.get("commentedAnswers").getAsLong()).isEqualTo(18);
    assertThat(week.get("redactedAnswers").getAsLong()).isEqualTo(2);
    assertThat(week.get("namesPending").getAsLong()).isZero();
    JsonObject kinds = week.getAsJsonObject("kinds");
    assertThat(kinds.getAsJsonObject("name").get("spans").getAsLong()).isEqualTo(1);
    assertThat(kinds.getAsJsonObject("email").get("answers").getAsLong()).isEqualTo(1);
    assertThat(kinds.getAsJsonObject("phone").get("spans").getAsLong()).isEqualTo(1);
    assertThat(kinds.getAsJsonObject("card number").get("spans").getAsLong()).isEqualTo(1);
    assertThat(kinds.has("iban")).isFalse();
    assertThat(summary.getAsJsonObject("totals").get("name").getAsLong()).isEqualTo(1);
    assertThat(summary.getAsJsonArray("kinds").toString()).contains("national id", "api key", "ip address");

    assertThat(server.admin("GET", "/api/v1/redactions/summary", null).status()).isEqualTo(400);
    assertThat(server.admin("GET", "/api/v1/redactions/summary?surveyId=x", null).json().getAsJsonObject("details").has("surveyId"))
        .isTrue();
    assertThat(server.admin("GET", "/api/v1/redactions/summary?surveyId=999", null).status()).isEqualTo(404);
    Reply backwards =
        server.admin("GET", "/api/v1/redactions/summary?surveyId=" + surveyId + "&from=2026-W20&to=2026-W10", null);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().getAsJsonObject("details").has("from")).isTrue();
    assertThat(server.send("GET", "/api/v1/redactions/summary?surveyId=" + surveyId, null, null).status()).isEqualTo(401);
  }

  private JsonObject preview(String text) {
    return ok(server.admin("POST", "/api/v1/redactions/preview", "{\"text\":\"" + text + "\"}")).json();
  }

  @Test
  @Order(3)
  void theDryRunShowsTheStoredFormAndWhyEachCandidateWasKept() {
    JsonObject p = preview(ASK + ", mail maria@example.com");
    assertThat(p.get("text").getAsString()).isEqualTo(STORED + ", mail [email]");
    assertThat(p.getAsJsonObject("redacted").get("name").getAsInt()).isEqualTo(1);
    assertThat(p.getAsJsonObject("redacted").get("email").getAsInt()).isEqualTo(1);
    List<String> reasons = new ArrayList<>();
    for (JsonElement c : p.getAsJsonArray("candidates")) {
      JsonObject o = c.getAsJsonObject();
      reasons.add(o.get("text").getAsString() + "=" + o.get("reason").getAsString());
    }
    assertThat(reasons).contains("Solana=product term", "Cardano=product term", "Maria Lopez=known name");
    // Nothing stored.
    assertThat(server.count("SELECT COUNT(*) FROM answers WHERE comment LIKE '%maria@%'")).isZero();

    assertThat(server.admin("POST", "/api/v1/redactions/preview", "{}").json().getAsJsonObject("details").has("text"))
        .isTrue();
    Reply tooLong = server.admin("POST", "/api/v1/redactions/preview", "{\"text\":\"" + "x".repeat(5001) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getAsJsonObject("details").has("text")).isTrue();
  }

  @Test
  @Order(4)
  void aGlossaryTermIsKeptInAnswersArrivingAfterTheEdit() {
    String text = "Jasper crashes when I open the swap screen";
    assertThat(preview(text).get("text").getAsString()).as("Jasper is a known given name").isEqualTo("[name] crashes when I open the swap screen");
    assertThat(post("before", 3, text).status()).isEqualTo(201);
    server.awaitNamesCleared();

    JsonObject saved = ok(server.admin("PUT", "/api/v1/config/vocabulary", "{\"terms\":[\"Jasper\",\" Vault Boost \"]}")).json();
    assertThat(saved.getAsJsonArray("terms").toString()).isEqualTo("[\"Jasper\",\"Vault Boost\"]");
    assertThat(saved.getAsJsonObject("builtIn").get("version").getAsString()).isEqualTo("2026.12-1");
    assertThat(saved.get("note").getAsString()).contains("cannot be restored");
    assertThat(ok(server.admin("GET", "/api/v1/config/vocabulary", null)).json().getAsJsonArray("terms")).hasSize(2);

    assertThat(post("after", 3, text).status()).isEqualTo(201);
    server.awaitNamesCleared();
    assertThat(server.text("SELECT comment FROM answers WHERE response_id = 'after'")).isEqualTo(text);
    // The earlier answer keeps its placeholder: its original was never stored.
    assertThat(server.text("SELECT comment FROM answers WHERE response_id = 'before'"))
        .isEqualTo("[name] crashes when I open the swap screen");
    // The dry run now keeps it, as a product term.
    assertThat(preview(text).getAsJsonArray("candidates").get(0).getAsJsonObject().get("reason").getAsString())
        .isEqualTo("product term");
  }

  private void refused(String body, String field, String detailContains) {
    Reply r = server.admin("PUT", "/api/v1/config/vocabulary", body);
    assertThat(r.status()).as("%s", r).isEqualTo(400);
    assertThat(r.json().getAsJsonObject("details").get(field).getAsString()).contains(detailContains);
  }

  @Test
  @Order(5)
  void badGlossariesAreRefusedNamingTermsAndNothingIsSaved() {
    refused("{\"terms\":[\"ok\",\"\"]}", "terms", "term 2 is empty");
    refused("{\"terms\":[\"" + "x".repeat(101) + "\"]}", "terms", "101 characters");
    refused("{\"terms\":[\"bad\\u0007bell\"]}", "terms", "control character");
    StringBuilder many = new StringBuilder("{\"terms\":[");
    for (int i = 0; i <= 5000; i++) {
      many.append(i > 0 ? "," : "").append("\"t").append(i).append('"');
    }
    refused(many.append("]}").toString(), "terms", "5001 terms");
    refused("{\"terms\":[\"Solana\",\"4111 1111 1111 1111\"]}", "terms", "\"4111 1111 1111 1111\"");
    refused("{\"terms\":[\"help@wallet.example\"]}", "terms", "\"help@wallet.example\"");
    refused("{\"terms\":[\"+44 20 7946 0958\"]}", "terms", "\"+44 20 7946 0958\"");
    refused("{\"terms\":\"Solana\"}", "terms", "array");
    refused("{}", "terms", "required");
    refused("{\"terms\":[],\"extra\":1}", "extra", "not a known field");
    // A full glossary is larger than the API's usual 64 KB and still accepted.
    StringBuilder full = new StringBuilder("{\"terms\":[");
    for (int i = 0; i < 5000; i++) {
      full.append(i > 0 ? "," : "").append('"').append("Product term number ").append(i).append(" of the glossary").append('"');
    }
    String fullBody = full.append("]}").toString();
    assertThat(fullBody.length()).isGreaterThan(64 * 1024);
    assertThat(ok(server.admin("PUT", "/api/v1/config/vocabulary", fullBody)).json().getAsJsonArray("terms")).hasSize(5000);
    Reply huge = server.admin("PUT", "/api/v1/config/vocabulary", "{\"terms\":[\"" + "x".repeat(1024 * 1024) + "\"]}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.json().getAsJsonObject("details").has("body")).isTrue();
    // Nothing refused was saved.
    assertThat(ok(server.admin("GET", "/api/v1/config/vocabulary", null)).json().getAsJsonArray("terms")).hasSize(5000);
    assertThat(server.send("PUT", "/api/v1/config/vocabulary", "{\"terms\":[]}", null).status()).isEqualTo(401);
  }
}
