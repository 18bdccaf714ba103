package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature-request API over the real app: answers posted through the widget, a theme run, then
 * list (sorted, CSV), open, requesters CSV, status with note, link, rename, merge and split, each
 * round trip read back; bad input gets a 4xx naming the field and changes nothing; every route
 * needs the admin token or a session with the dashboard's write header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeatureRequestsApiIT {
  private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

  static {
    ANSWERS.put("u1", "Please add Lightning support.");
    ANSWERS.put("u2", "lightning pls");
    ANSWERS.put("u3", "No Lightning in 2026??");
    ANSWERS.put("u4", "dark mode please");
    ANSWERS.put("u5", "Please add a dark theme.");
    ANSWERS.put("u6", "Price alerts please.");
    ANSWERS.put("u7", "Would be great to set price alerts for ETH.");
    ANSWERS.put("u8", "Please send a notification when a payment arrives.");
    ANSWERS.put("u9", "notifications for incoming payments pls");
    ANSWERS.put("u10", "The app crashes when I open the swap screen.");
    ANSWERS.put("u11", "Great wallet, five stars.");
  }

  @TempDir static Path dir;
  private ApiTestServer server;
  private long surveyId;
  private long otherSurveyId;
  private final Map<String, Long> answerIds = new LinkedHashMap<>();

  @BeforeAll
  void start() {
    server = ApiTestServer.start(dir);
    surveyId = createSurvey("Wallet CSAT");
    otherSurveyId = createSurvey("Other product");
    int i = 0;
    for (Map.Entry<String, String> e : ANSWERS.entrySet()) {
      JsonObject a = new JsonObject();
      a.addProperty("responseId", "r-" + i);
      a.addProperty("userId", e.getKey());
      a.addProperty("score", 1 + i % 7);
      a.addProperty("comment", e.getValue());
      Reply r = server.widget("POST", "/api/v1/surveys/" + surveyId + "/answers", a.toString());
      assertThat(r.status()).as("%s", r).isEqualTo(201);
      answerIds.put(e.getKey(), r.json().get("id").getAsLong());
      i++;
    }
    JsonObject other = new JsonObject();
    other.addProperty("responseId", "o-1");
    other.addProperty("userId", "o1");
    other.addProperty("score", 3);
    other.addProperty("comment", "Please add a dark mode.");
    assertThat(server.widget("POST", "/api/v1/surveys/" + otherSurveyId + "/answers", other.toString()).status()).isEqualTo(201);
    for (long s : new long[] {surveyId, otherSurveyId}) {
      Reply run = server.adminWithin(Duration.ofMinutes(10), "POST", "/api/v1/themes/run?surveyId=" + s + "&week=" + ApiTestServer.START_WEEK, null);
      assertThat(run.status()).as("%s", run).isEqualTo(200);
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private long createSurvey(String name) {
    Reply r = server.admin("POST", "/api/v1/surveys",
        "{\"name\":\"" + name + "\",\"question\":\"How satisfied are you?\",\"sampleRate\":1,\"openQuestion\":\"How can we make it better?\"}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().get("id").getAsLong();
  }

  private Reply ok(Reply r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r;
  }

  private List<JsonObject> list(long survey, String sort) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : ok(server.admin("GET", "/api/v1/feature-requests?surveyId=" + survey + (sort == null ? "" : "&sort=" + sort), null))
        .json().getAsJsonArray("featureRequests")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  private long idOf(long survey, String name) {
    return list(survey, null).stream().filter(r -> r.get("name").getAsString().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + list(survey, null))).get("id").getAsLong();
  }

  private TreeSet<String> users(long id) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonElement a : ok(server.admin("GET", "/api/v1/feature-requests/" + id, null)).json().getAsJsonArray("answers")) {
      out.add(a.getAsJsonObject().get("userId").getAsString());
    }
    return out;
  }

  @Test
  @Order(1)
  void listsOneGroupPerAskSortedAndAsCsv() {
    List<JsonObject> all = list(surveyId, null);
    assertThat(all).extracting(r -> r.get("name").getAsString())
        .containsExactly("Support Bitcoin Lightning", "Add dark mode", "Add price alerts", "Add notifications");
    assertThat(all.get(0).get("requesters").getAsInt()).isEqualTo(3);
    assertThat(all.get(0).get("status").getAsString()).isEqualTo("new");
    assertThat(all.get(0).get("reach").getAsDouble()).isEqualTo(3 / 11.0);
    for (String sort : List.of("requesters", "reach", "trend", "recent")) {
      assertThat(list(surveyId, sort)).hasSize(4);
    }
    assertError(server.admin("GET", "/api/v1/feature-requests?surveyId=" + surveyId + "&sort=votes", null), 400, "sort");
    Reply csv = ok(server.admin("GET", "/api/v1/feature-requests.csv?surveyId=" + surveyId + "&sort=requesters", null));
    assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition").orElseThrow()).contains("attachment");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).startsWith("id,name,status,requesters,answers,reach");
    assertThat(lines).hasSize(5);
    assertThat(lines.get(1)).contains(",Support Bitcoin Lightning,new,3,3,");
  }

  @Test
  @Order(2)
  void opensARequestAndExportsExactlyItsDistinctRequesters() {
    long lightning = idOf(surveyId, "Support Bitcoin Lightning");
    JsonObject detail = ok(server.admin("GET", "/api/v1/feature-requests/" + lightning, null)).json();
    assertThat(detail.getAsJsonObject("request").get("name").getAsString()).isEqualTo("Support Bitcoin Lightning");
    assertThat(detail.getAsJsonArray("answers")).hasSize(3);
    JsonObject first = detail.getAsJsonArray("answers").get(0).getAsJsonObject();
    assertThat(first.keySet()).contains("answerId", "userId", "week", "score", "comment");
    assertThat(detail.getAsJsonObject("reach").get("baseKind").getAsString()).isEqualTo("respondents");
    Reply csv = ok(server.admin("GET", "/api/v1/feature-requests/" + lightning + "/requesters.csv", null));
    assertThat(csv.body().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList()).containsExactly("u1", "u2", "u3");
    assertError(server.admin("GET", "/api/v1/feature-requests/99999", null), 404, "id");
    assertError(server.admin("GET", "/api/v1/feature-requests/abc", null), 400, "id");
  }

  @Test
  @Order(3)
  void statusNoteLinkAndNameRoundTrip() {
    long lightning = idOf(surveyId, "Support Bitcoin Lightning");
    JsonObject planned = ok(server.admin("PATCH", "/api/v1/feature-requests/" + lightning,
        "{\"status\":\"planned\",\"note\":\"Next quarter\",\"by\":\"ana\",\"link\":\"https://tracker.example.com/issues/7\"}")).json();
    assertThat(planned.get("status").getAsString()).isEqualTo("planned");
    assertThat(planned.get("statusNote").getAsString()).isEqualTo("Next quarter");
    assertThat(planned.get("statusBy").getAsString()).isEqualTo("ana");
    assertThat(planned.get("link").getAsString()).isEqualTo("https://tracker.example.com/issues/7");
    JsonObject renamed = ok(server.admin("PATCH", "/api/v1/feature-requests/" + lightning, "{\"name\":\"Lightning payments\"}")).json();
    assertThat(renamed.get("name").getAsString()).isEqualTo("Lightning payments");
    assertThat(renamed.get("namePinned").getAsBoolean()).isTrue();
    JsonObject read = ok(server.admin("GET", "/api/v1/feature-requests/" + lightning, null)).json();
    assertThat(read.getAsJsonObject("request").get("status").getAsString()).isEqualTo("planned");
    assertThat(read.getAsJsonArray("history").toString()).contains("\"kind\":\"status\"", "\"kind\":\"renamed\"", "\"kind\":\"link\"", "\"actor\":\"ana\"");
    JsonObject cleared = ok(server.admin("PATCH", "/api/v1/feature-requests/" + lightning, "{\"link\":null}")).json();
    assertThat(cleared.has("link")).isFalse();
  }

  @Test
  @Order(4)
  void badChangesGetA4xxNamingTheFieldAndChangeNothing() {
    long lightning = idOf(surveyId, "Lightning payments");
    long dark = idOf(surveyId, "Add dark mode");
    String path = "/api/v1/feature-requests/" + lightning;
    assertThat(assertError(server.admin("PATCH", path, "{\"status\":\"acknowledged\"}"), 400, "status"))
        .contains("new, under_review, planned, in_progress, shipped, declined");
    assertError(server.admin("PATCH", path, "{\"status\":\"shipped\",\"note\":\"" + "n".repeat(2001) + "\"}"), 400, "note");
    assertError(server.admin("PATCH", path, "{\"link\":\"javascript:alert(1)\"}"), 400, "link");
    assertError(server.admin("PATCH", path, "{\"link\":\"ftp://example.com/file\"}"), 400, "link");
    assertError(server.admin("PATCH", path, "{\"name\":\"\"}"), 400, "name");
    assertError(server.admin("PATCH", path, "{\"name\":\"" + "x".repeat(81) + "\"}"), 400, "name");
    assertError(server.admin("PATCH", path, "{\"name\":\"Add dark mode\"}"), 409, "name");
    assertError(server.admin("PATCH", path, "{}"), 400, "body");
    assertError(server.admin("PATCH", path, "{\"stauts\":\"planned\"}"), 400, "stauts");
    assertError(server.admin("POST", path + "/merge", "{\"into\":" + lightning + "}"), 409, "into");
    long otherSeries = idOf(otherSurveyId, "Add dark mode");
    assertThat(assertError(server.admin("POST", "/api/v1/feature-requests/" + dark + "/merge", "{\"into\":" + otherSeries + "}"), 409, "into"))
        .contains("another survey series");
    assertError(server.admin("POST", path + "/merge", "{}"), 400, "into");
    assertError(server.admin("POST", path + "/merge", "{\"into\":999999}"), 404, "into");
    assertError(server.admin("POST", path + "/split", "{\"answers\":[" + answerIds.get("u4") + "]}"), 400, "answers");
    assertError(server.admin("POST", path + "/split", "{\"answers\":[\"x\"]}"), 400, "answers");
    assertError(server.admin("POST", path + "/split", "{}"), 400, "answers");
    JsonObject read = ok(server.admin("GET", path, null)).json().getAsJsonObject("request");
    assertThat(read.get("status").getAsString()).isEqualTo("planned");
    assertThat(read.get("name").getAsString()).isEqualTo("Lightning payments");
    assertThat(users(lightning)).containsExactly("u1", "u2", "u3");
    assertThat(users(dark)).containsExactly("u4", "u5");
  }

  @Test
  @Order(5)
  void everyActionNeedsTheRightToEdit() {
    long dark = idOf(surveyId, "Add dark mode");
    String path = "/api/v1/feature-requests/" + dark;
    assertError(server.send("GET", "/api/v1/feature-requests?surveyId=" + surveyId, null, null), 401, null);
    assertError(server.send("GET", path, null, null), 401, null);
    assertError(server.send("GET", path + "/requesters.csv", null, null), 401, null);
    assertError(server.send("PATCH", path, "{\"status\":\"declined\"}", null), 401, null);
    assertError(server.send("PATCH", path, "{\"status\":\"declined\"}", "wrong-token"), 401, null);
    assertError(server.send("POST", path + "/merge", "{\"into\":1}", null), 401, null);
    assertError(server.send("POST", path + "/split", "{\"answers\":[1]}", null), 401, null);
    // A dashboard session may read, but a change needs the dashboard's own header too.
    Reply login = server.send("POST", "/api/v1/session", "{\"token\":\"" + ApiTestServer.TOKEN + "\"}", null);
    String cookie = login.header("Set-Cookie").orElseThrow();
    cookie = cookie.substring(0, cookie.indexOf(';'));
    assertThat(server.send("GET", path, null, null, "Cookie", cookie).status()).isEqualTo(200);
    assertError(server.send("PATCH", path, "{\"status\":\"declined\"}", null, "Cookie", cookie), 401, AdminAuth.DASHBOARD_HEADER);
    assertThat(ok(server.admin("GET", path, null)).json().getAsJsonObject("request").get("status").getAsString()).isEqualTo("new");
    Reply withHeader = server.send("PATCH", path, "{\"status\":\"under_review\"}", null, "Cookie", cookie, AdminAuth.DASHBOARD_HEADER, "1");
    assertThat(ok(withHeader).json().get("status").getAsString()).isEqualTo("under_review");
  }

  @Test
  @Order(6)
  void mergeAndSplitRoundTrip() {
    long alerts = idOf(surveyId, "Add price alerts");
    long notifications = idOf(surveyId, "Add notifications");
    JsonObject merged = ok(server.admin("POST", "/api/v1/feature-requests/" + alerts + "/merge", "{\"into\":" + notifications + ",\"by\":\"ben\"}")).json();
    assertThat(merged.get("id").getAsLong()).isEqualTo(notifications);
    assertThat(users(notifications)).containsExactly("u6", "u7", "u8", "u9");
    assertThat(list(surveyId, null)).extracting(r -> r.get("id").getAsLong()).doesNotContain(alerts);
    assertError(server.admin("PATCH", "/api/v1/feature-requests/" + alerts, "{\"status\":\"planned\"}"), 409, "id");
    Reply split = server.admin("POST", "/api/v1/feature-requests/" + notifications + "/split",
        "{\"answers\":[" + answerIds.get("u6") + "," + answerIds.get("u7") + "],\"name\":\"Price alerts\"}");
    assertThat(split.status()).as("%s", split).isEqualTo(201);
    long created = split.json().get("id").getAsLong();
    assertThat(split.header("Location").orElseThrow()).isEqualTo("/api/v1/feature-requests/" + created);
    assertThat(users(created)).containsExactly("u6", "u7");
    assertThat(users(notifications)).containsExactly("u8", "u9");
    // A re-run of the week keeps the split and the merge.
    assertThat(server.adminWithin(Duration.ofMinutes(5), "POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=" + ApiTestServer.START_WEEK, null).status())
        .isEqualTo(200);
    assertThat(users(created)).containsExactly("u6", "u7");
    assertThat(users(notifications)).containsExactly("u8", "u9");
    assertThat(idOf(surveyId, "Lightning payments")).isPositive();
  }
}
