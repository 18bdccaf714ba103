package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static io.productopsdash.server.http.IngestionApiIT.basic;
import static io.productopsdash.server.http.IngestionApiIT.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paths and bodies the browser SDKs send, over HTTP with their exact shapes: CORS on every
 * ingestion path for the allowed origins and a 403 for others, posthog-js's {@code /e/} with gzip,
 * base64 form and query forms, its flags and configuration, analytics.js's short and batch paths,
 * and Amplitude's 400 for invalid events. {@code BrowserSdksIT} runs the real SDKs.
 */
class BrowserIngestionIT {
  static final String APP = "https://app.example";
  static final String EVIL = "https://evil.example";
  static final String ACAO = "Access-Control-Allow-Origin";

  @TempDir Path dir;
  ApiTestServer server;
  String key;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dir, List.of(APP));
    key = SourcesApiIT.createSource(server, "web app");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  long events() {
    return server.count("SELECT COUNT(*) FROM events");
  }

  /** posthog-js's capture body: {api_key, batch, sent_at}, one event of an identified user. */
  String posthogBody(String uuid, String apiKey) {
    return "{\"api_key\":\"" + apiKey + "\",\"batch\":[{\"uuid\":\"" + uuid + "\",\"event\":\"Signed Up\","
        + "\"properties\":{\"distinct_id\":\"u1\",\"$device_id\":\"d1\",\"$is_identified\":true,\"token\":\"" + apiKey + "\"},"
        + "\"timestamp\":\"2026-11-18T09:59:00Z\"}],\"sent_at\":\"2026-11-18T10:00:00Z\"}";
  }

  static String base64Form(String json) {
    String b64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return "data=" + URLEncoder.encode(b64, StandardCharsets.UTF_8);
  }

  @Test
  void everyIngestionPathAnswersThePreflightOfAnAllowedOrigin() {
    for (String path : List.of("/e/", "/i/v0/e/", "/batch/", "/capture/", "/flags/?v=2", "/decide/", "/array/" + key + "/config",
        "/v1/t", "/v1/i", "/v1/p", "/v1/s", "/v1/g", "/v1/a", "/v1/b", "/v1/batch", "/v1/track", "/2/httpapi")) {
      Reply r =
          server.send(
              "OPTIONS", path, null, null, "Origin", APP, "Access-Control-Request-Method", "POST",
              "Access-Control-Request-Headers", "authorization,content-type,x-retry-count");
      assertThat(r.status()).as("%s: %s", path, r).isEqualTo(204);
      assertThat(r.header(ACAO)).as(path).contains(APP);
      assertThat(r.header("Vary").orElse("")).as(path).contains("Origin");
      assertThat(r.header("Access-Control-Allow-Methods").orElse("")).as(path).contains("POST");
      assertThat(r.header("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT))
          .as(path)
          .contains("authorization", "content-type", "x-retry-count");
    }
    // The actual request carries the header too, also when it fails.
    Reply refused = server.send("POST", "/2/httpapi", "{\"api_key\":\"wrong\",\"events\":[]}", null, "Origin", APP);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header(ACAO)).contains(APP);
  }

  @Test
  void anOriginThatIsNotAllowedGetsNoCorsHeaderAndA403AndNothingIsStored() {
    Reply preflight =
        server.send("OPTIONS", "/e/", null, null, "Origin", EVIL, "Access-Control-Request-Method", "POST");
    assertThat(preflight.header(ACAO)).isEmpty();
    assertError(preflight, 403, "Origin");

    // A beacon needs no preflight: the write itself is refused.
    Reply beacon = server.postBytes("/e/", gzip(posthogBody("x1", key)), "Content-Type", "text/plain", "Origin", EVIL);
    String rule = assertError(beacon, 403, "Origin");
    assertThat(rule).contains(EVIL).contains("--allowed-origins");
    assertThat(beacon.header(ACAO)).isEmpty();
    assertThat(server.send("POST", "/v1/t", IngestionApiIT.track("m1", "u1"), null, "Origin", "https://app.example.evil.example",
        "Authorization", basic(key)).status()).isEqualTo(403);
    assertThat(events()).isZero();

    // Server-side clients send no Origin and are not affected; neither is the server's own origin.
    assertThat(server.postBytes("/e/", gzip(posthogBody("x2", key)), "Content-Type", "text/plain").status()).isEqualTo(200);
    assertThat(server.postBytes("/e/", gzip(posthogBody("x3", key)), "Content-Type", "text/plain", "Origin", server.baseUrl())
        .status()).isEqualTo(200);
    assertThat(events()).isEqualTo(2);
  }

  @Test
  void adminRoutesStayWithoutCors() {
    for (String path : List.of("/api/v1/sources", "/api/v1/metrics/acquisition", "/api/v1/config/metrics")) {
      Reply r = server.send("OPTIONS", path, null, null, "Origin", APP, "Access-Control-Request-Method", "POST",
          "Access-Control-Request-Headers", "authorization");
      assertThat(r.header(ACAO)).as(path).isEmpty();
      assertThat(r.header("Access-Control-Allow-Headers")).as(path).isEmpty();
      Reply get = server.send("GET", path, null, ApiTestServer.TOKEN, "Origin", APP);
      assertThat(get.header(ACAO)).as(path).isEmpty();
    }
  }

  @Test
  void posthogJsCaptureInEachOfItsEncodings() {
    // Gzip as text/plain, as posthog-js sends by default (no query: the bytes say gzip).
    Reply gz = server.postBytes("/e/", gzip(posthogBody("g1", key)), "Content-Type", "text/plain", "Origin", APP);
    assertThat(gz.status()).as("%s", gz).isEqualTo(200);
    assertThat(gz.json().get("status").getAsInt()).isEqualTo(1);
    assertThat(gz.header(ACAO)).contains(APP);
    // Base64 in a form's data field, as sendBeacon sends on page unload.
    Reply form = server.postBytes("/e/?compression=base64&ver=1.449.2", base64Form(posthogBody("b1", key)).getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded", "Origin", APP);
    assertThat(form.status()).as("%s", form).isEqualTo(200);
    // Older posthog-js: /e (no slash), ?ip=1&_=<sent at, ms>&ver=..., plain JSON, an array of events, no sent_at in the body.
    String old = "[{\"event\":\"Wallet Opened\",\"properties\":{\"distinct_id\":\"u1\",\"token\":\"" + key + "\"},"
        + "\"timestamp\":\"2026-11-18T09:58:00Z\"}]";
    long sentAt = Instant.parse("2026-11-18T10:00:00Z").toEpochMilli();
    Reply query = server.send("POST", "/e?ip=1&_=" + sentAt + "&ver=1.130.0", old, null, "Origin", APP);
    assertThat(query.status()).as("%s", query).isEqualTo(200);
    assertThat(server.text("SELECT group_concat(message_id, ',') FROM (SELECT message_id FROM events WHERE message_id IN ('g1','b1') ORDER BY 1)"))
        .isEqualTo("b1,g1");
    // sent_at (from the body or the query) equals the server's time here: no skew, the timestamps are kept.
    assertThat(server.count("SELECT ts FROM events WHERE name = 'Wallet Opened'"))
        .isEqualTo(Instant.parse("2026-11-18T09:58:00Z").toEpochMilli());
    assertThat(server.count("SELECT ts FROM events WHERE message_id = 'g1'")).isEqualTo(Instant.parse("2026-11-18T09:59:00Z").toEpochMilli());
    assertThat(server.count("SELECT COUNT(*) FROM events WHERE properties LIKE ?", "%" + key + "%")).isZero();
  }

  @Test
  void aBeaconWithAWrongOrMissingKeyIs401AndMalformedBase64OrGzipIs400NamingTheBody() {
    Reply wrong = server.postBytes("/e/?compression=base64", base64Form(posthogBody("w1", "pod_wk_wrong")).getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded", "Origin", APP);
    assertError(wrong, 401, "writeKey");
    Reply missing = server.postBytes("/e/", gzip(posthogBody("w2", "").replace("\"api_key\":\"\",", "").replace(",\"token\":\"\"", "")),
        "Content-Type", "text/plain", "Origin", APP);
    assertError(missing, 401, "writeKey");

    Reply badBase64 = server.postBytes("/e/?compression=base64", "data=%%%not-base64!!".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded", "Origin", APP);
    assertError(badBase64, 400, "body");
    Reply badBase64Text = server.postBytes("/e/?compression=base64", "data=bm90IGpzb24*".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded", "Origin", APP);
    assertThat(assertError(badBase64Text, 400, "body")).contains("base64");
    Reply badGzip = server.postBytes("/e/?compression=gzip-js", "not gzip at all".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "text/plain", "Origin", APP);
    assertThat(assertError(badGzip, 400, "body")).contains("gzip");
    assertThat(badGzip.header(ACAO)).contains(APP);
    assertThat(events()).isZero();
  }

  @Test
  void posthogJsFlagsAndConfigAreEmptyButValid() {
    Reply flags = server.postBytes("/flags/?v=2", gzip("{\"token\":\"" + key + "\",\"distinct_id\":\"u1\"}"), "Content-Type", "text/plain",
        "Origin", APP);
    assertThat(flags.status()).isEqualTo(200);
    assertThat(flags.json().getAsJsonObject("flags").size()).isZero();
    assertThat(flags.json().get("errorsWhileComputingFlags").getAsBoolean()).isFalse();
    assertThat(server.send("POST", "/decide/?v=3", "{}", null).json().getAsJsonObject("featureFlags").size()).isZero();

    JsonObject config = server.send("GET", "/array/" + key + "/config", null, null, "Origin", APP).json();
    assertThat(config.get("token").getAsString()).isEqualTo(key);
    assertThat(config.get("hasFeatureFlags").getAsBoolean()).isFalse();
    assertThat(config.get("autocapture_opt_out").getAsBoolean()).isTrue();
    assertThat(config.getAsJsonArray("supportedCompression").toString()).contains("gzip-js");

    Reply script = server.send("GET", "/array/" + key + "/config.js", null, null, "Origin", APP);
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type").orElse("")).startsWith("application/javascript");
    assertThat(script.body()).contains("window._POSTHOG_REMOTE_CONFIG[\"" + key + "\"]").contains("\"hasFeatureFlags\":false");
    // Whatever the path holds stays inside the string literal.
    String hostile = URLEncoder.encode("x\"];alert(1);<script>", StandardCharsets.UTF_8).replace("+", "%20");
    Reply escaped = server.send("GET", "/array/" + hostile + "/config.js", null, null);
    assertThat(escaped.status()).as("%s", escaped).isEqualTo(200);
    assertThat(escaped.body())
        .doesNotContain("<script>")
        .contains("window._POSTHOG_REMOTE_CONFIG[\"x\\\"];alert(1);\\u003cscript\\u003e\"] = {");
  }

  @Test
  void segmentAnalyticsJsShortPathsWithTheKeyInTheHeaderAndTheBody() {
    String[][] calls = {
      {"/v1/t", "{\"type\":\"track\",\"event\":\"Signed Up\",\"messageId\":\"s-t\",\"anonymousId\":\"a1\",\"writeKey\":\"" + key + "\"}"},
      {"/v1/i", "{\"type\":\"identify\",\"userId\":\"u1\",\"messageId\":\"s-i\",\"anonymousId\":\"a1\",\"traits\":{\"plan\":\"pro\"},\"writeKey\":\"" + key + "\"}"},
      {"/v1/p", "{\"type\":\"page\",\"name\":\"Home\",\"messageId\":\"s-p\",\"anonymousId\":\"a1\",\"properties\":{\"path\":\"/home\"},\"writeKey\":\"" + key + "\"}"},
      {"/v1/s", "{\"type\":\"screen\",\"name\":\"Wallet\",\"messageId\":\"s-s\",\"userId\":\"u1\",\"writeKey\":\"" + key + "\"}"},
      {"/v1/g", "{\"type\":\"group\",\"groupId\":\"g1\",\"messageId\":\"s-g\",\"userId\":\"u1\",\"writeKey\":\"" + key + "\"}"},
      {"/v1/a", "{\"type\":\"alias\",\"previousId\":\"u1\",\"userId\":\"u1-new\",\"messageId\":\"s-a\",\"writeKey\":\"" + key + "\"}"},
    };
    for (String[] call : calls) {
      // analytics.js: text/plain (no preflight for the body), Basic auth and the key in the body.
      Reply r = server.postBytes(call[0], call[1].getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain", "Origin", APP,
          "Authorization", basic(key));
      assertThat(r.status()).as("%s: %s", call[0], r).isEqualTo(200);
      assertThat(r.json().get("success").getAsBoolean()).isTrue();
    }
    // The key in the body alone is enough, as the HTTP API documents.
    assertThat(server.send("POST", "/v1/t", "{\"event\":\"E\",\"messageId\":\"s-t2\",\"userId\":\"u1\",\"writeKey\":\"" + key + "\"}", null)
        .status()).isEqualTo(200);
    assertThat(server.text("SELECT group_concat(type, ',') FROM (SELECT type FROM events ORDER BY id)"))
        .isEqualTo("track,identify,page,screen,group,alias,track");
    assertThat(server.text("SELECT path FROM events WHERE message_id = 's-p'")).isEqualTo("/home");

    String batch = "{\"writeKey\":\"" + key + "\",\"sentAt\":\"2026-11-18T10:00:00Z\",\"batch\":["
        + IngestionApiIT.track("b1", "u2") + "," + IngestionApiIT.track("b2", "u2") + "]}";
    Reply b = server.postBytes("/v1/b", batch.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain", "Origin", APP,
        "Authorization", basic(key));
    assertThat(b.status()).as("%s", b).isEqualTo(200);
    assertThat(b.json().get("accepted").getAsInt()).isEqualTo(2);
  }

  @Test
  void aSegmentBatchOfMoreThan2500EventsIsRefusedWhole() {
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 2501; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"").append(i).append("\"}");
    }
    Reply over = server.send("POST", "/v1/batch", batch.append("]}").toString(), null, "Authorization", basic(key));
    assertThat(assertError(over, 413, "batch")).isEqualTo("2501 events; a Segment batch holds up to 2500");
    assertThat(over.json().get("success").getAsBoolean()).isFalse();
    assertThat(events()).isZero();
    String at = batch.toString().replace(",{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"2500\"}", "");
    assertThat(server.send("POST", "/v1/batch", at, null, "Authorization", basic(key)).status()).isEqualTo(200);
    assertThat(events()).isEqualTo(2500);
  }

  @Test
  void amplitudeInvalidEventsGetItsDocumented400AndTheValidOnesAreKept() {
    String good = "{\"event_type\":\"Signed Up\",\"user_id\":\"amp-user-1\",\"device_id\":\"dev-1\",\"time\":1795500000000,\"insert_id\":\"";
    String body = "{\"api_key\":\"" + key + "\",\"events\":["
        + good + "i0\"},"
        + "{\"user_id\":\"amp-user-1\",\"insert_id\":\"i1\"},"
        + "{\"event_type\":\"X\",\"user_id\":\"amp-user-1\",\"time\":\"yesterday\",\"insert_id\":\"i2\"},"
        + good + "i3\"},"
        + "{\"event_type\":\"X\",\"user_id\":\"" + "u".repeat(1100) + "\",\"insert_id\":\"i4\"}]}";
    Reply r = server.send("POST", "/2/httpapi", body, null, "Origin", APP);
    assertThat(r.status()).as("%s", r).isEqualTo(400);
    JsonObject reply = r.json();
    assertThat(reply.get("code").getAsInt()).isEqualTo(400);
    assertThat(reply.get("error").getAsString()).doesNotStartWith("Invalid API key");
    assertThat(reply.getAsJsonObject("events_with_missing_fields").toString()).isEqualTo("{\"event_type\":[1]}");
    assertThat(reply.getAsJsonObject("events_with_invalid_fields").toString()).isEqualTo("{\"time\":[2],\"user_id\":[4]}");
    assertThat(reply.get("accepted").getAsInt()).isEqualTo(2);
    assertThat(assertError(r, 400, "events")).isNotBlank();
    assertThat(r.header(ACAO)).contains(APP);
    assertThat(server.text("SELECT group_concat(message_id, ',') FROM (SELECT message_id FROM events ORDER BY 1)")).isEqualTo("i0,i3");

    // The SDK drops the named events and sends the rest again: duplicates, a 200.
    Reply resend = server.send("POST", "/2/httpapi", "{\"api_key\":\"" + key + "\",\"events\":[" + good + "i0\"}," + good + "i3\"}]}", null);
    assertThat(resend.status()).isEqualTo(200);
    assertThat(resend.json().get("events_ingested").getAsInt()).isEqualTo(2);
    assertThat(resend.json().get("duplicates").getAsInt()).isEqualTo(2);
    assertThat(events()).isEqualTo(2);
  }
}
