package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment, PostHog and Amplitude ingestion over HTTP: auth, limits, partial batches, gzip. */
class IngestionApiIT {
  @TempDir Path dir;
  ApiTestServer server;
  String key;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dir);
    key = SourcesApiIT.createSource(server, "web");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String basic(String writeKey) {
    return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String track(String messageId, String userId) {
    return "{\"type\":\"track\",\"messageId\":\"" + messageId + "\",\"event\":\"Swap Completed\",\"userId\":\"" + userId
        + "\",\"timestamp\":\"2026-11-18T09:59:00Z\",\"properties\":{\"chain\":\"base\"}}";
  }

  long events() {
    return server.count("SELECT COUNT(*) FROM events");
  }

  Reply post(String path, String body, String... headers) {
    return server.send("POST", path, body, null, headers);
  }

  @Nested
  class Segment {
    @Test
    void batchWithBasicAuthStoresEachEventOnceAndARetryIsDuplicates() {
      String batch = "{\"batch\":[" + track("m1", "u1") + "," + track("m2", "u1") + "," + track("m3", "u2") + "],\"sentAt\":\"2026-11-18T10:00:00Z\"}";
      Reply r = post("/v1/batch", batch, "Authorization", basic(key));
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      JsonObject reply = r.json();
      assertThat(reply.get("success").getAsBoolean()).isTrue();
      assertThat(reply.get("accepted").getAsInt()).isEqualTo(3);
      assertThat(reply.getAsJsonArray("rejected")).isEmpty();
      assertThat(events()).isEqualTo(3);
      // sentAt == server time: no skew, the timestamp is kept.
      assertThat(server.text("SELECT ts FROM events WHERE message_id = 'm1'"))
          .isEqualTo(String.valueOf(java.time.Instant.parse("2026-11-18T09:59:00Z").toEpochMilli()));

      Reply retry = post("/v1/batch", batch, "Authorization", basic(key));
      assertThat(retry.json().get("accepted").getAsInt()).isEqualTo(3);
      assertThat(retry.json().get("duplicates").getAsInt()).isEqualTo(3);
      assertThat(events()).isEqualTo(3);
    }

    @Test
    void clockSkewIsCorrectedWithSentAt() {
      // The device's clock is an hour ahead of ours.
      String batch = "{\"batch\":[" + track("skew", "u1") + "],\"sentAt\":\"2026-11-18T11:00:00Z\"}";
      assertThat(post("/v1/batch", batch, "Authorization", basic(key)).status()).isEqualTo(200);
      assertThat(server.text("SELECT ts FROM events WHERE message_id = 'skew'"))
          .isEqualTo(String.valueOf(java.time.Instant.parse("2026-11-18T08:59:00Z").toEpochMilli()));
    }

    @Test
    void singleCallEndpointsWithTheKeyInTheBody() {
      String k = "\"writeKey\":\"" + key + "\",";
      assertThat(post("/v1/track", "{" + k + "\"messageId\":\"t\",\"event\":\"Opened\",\"anonymousId\":\"a1\"}").status()).isEqualTo(200);
      assertThat(post("/v1/page", "{" + k + "\"messageId\":\"p\",\"name\":\"Swap\",\"anonymousId\":\"a1\",\"properties\":{\"path\":\"/swap\"}}").status()).isEqualTo(200);
      assertThat(post("/v1/screen", "{" + k + "\"messageId\":\"s\",\"name\":\"Home\",\"anonymousId\":\"a1\"}").status()).isEqualTo(200);
      Reply identify = post("/v1/identify", "{" + k + "\"messageId\":\"i\",\"userId\":\"u1\",\"anonymousId\":\"a1\",\"traits\":{\"plan\":\"pro\"}}");
      assertThat(identify.status()).as("%s", identify).isEqualTo(200);
      assertThat(identify.json().get("success").getAsBoolean()).isTrue();
      assertThat(post("/v1/group", "{" + k + "\"messageId\":\"g\",\"userId\":\"u1\",\"groupId\":\"org\"}").status()).isEqualTo(200);
      assertThat(post("/v1/alias/", "{" + k + "\"messageId\":\"al\",\"userId\":\"u1\",\"previousId\":\"old\"}").status()).isEqualTo(200);
      assertThat(server.text("SELECT group_concat(type, ',') FROM (SELECT type FROM events ORDER BY message_id)"))
          .isEqualTo("alias,group,identify,page,screen,track");
      assertThat(server.text("SELECT path FROM events WHERE message_id = 'p'")).isEqualTo("/swap");
      assertThat(server.text("SELECT group_concat(anonymous_id || '>' || user_id, ',') FROM (SELECT * FROM identities ORDER BY anonymous_id)"))
          .isEqualTo("a1>u1,old>u1");
      assertThat(server.text("SELECT traits FROM user_traits WHERE user_id = 'u1'")).isEqualTo("{\"plan\":\"pro\"}");
      // The key is never stored with the event.
      assertThat(server.count("SELECT COUNT(*) FROM events WHERE properties LIKE ? OR context LIKE ?", "%" + key + "%", "%" + key + "%")).isZero();
    }

    @Test
    void wrongMissingAndRevokedKeysAre401AndStoreNothing() {
      String batch = "{\"batch\":[" + track("m1", "u1") + "]}";
      Reply wrong = post("/v1/batch", batch, "Authorization", basic("pod_wk_wrong"));
      assertError(wrong, 401, null);
      assertThat(wrong.json().get("success").getAsBoolean()).isFalse();
      assertError(post("/v1/batch", batch), 401, null);
      assertError(post("/v1/batch", "{\"batch\":[],\"writeKey\":\"nope\"}"), 401, null);
      assertError(post("/v1/batch", batch, "Authorization", "Basic %%%"), 401, null);

      long id = server.admin("GET", "/api/v1/sources", null).json().getAsJsonArray("sources").get(0).getAsJsonObject().get("id").getAsLong();
      assertThat(post("/v1/batch", batch, "Authorization", basic(key)).status()).isEqualTo(200);
      assertThat(server.admin("DELETE", "/api/v1/sources/" + id, null).status()).isEqualTo(200);
      Reply revoked = post("/v1/batch", "{\"batch\":[" + track("m2", "u1") + "]}", "Authorization", basic(key));
      assertError(revoked, 401, null);
      assertThat(revoked.json().get("title").getAsString()).contains("revoked");
      assertThat(events()).isEqualTo(1);
    }

    @Test
    void anInvalidEventIsReportedByIndexAndTheOthersAreKept() {
      String tooLarge = "{\"type\":\"track\",\"messageId\":\"big\",\"event\":\"E\",\"userId\":\"u\",\"properties\":{\"x\":\"" + "x".repeat(33 * 1024) + "\"}}";
      String batch =
          "{\"batch\":[" + track("ok1", "u1") + ",{\"type\":\"track\",\"messageId\":\"nouser\",\"event\":\"E\"}," + track("ok2", "u2") + ","
              + tooLarge + ",7,{\"type\":\"buy\",\"userId\":\"u\"}]}";
      Reply r = post("/v1/batch", batch, "Authorization", basic(key));
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      JsonObject reply = r.json();
      assertThat(reply.get("accepted").getAsInt()).isEqualTo(2);
      JsonArray rejected = reply.getAsJsonArray("rejected");
      assertThat(rejected).hasSize(4);
      assertThat(rejected.get(0).getAsJsonObject().get("index").getAsInt()).isEqualTo(1);
      assertThat(rejected.get(0).getAsJsonObject().get("reason").getAsString()).isEqualTo("missing_user");
      assertThat(rejected.get(1).getAsJsonObject().get("index").getAsInt()).isEqualTo(3);
      assertThat(rejected.get(1).getAsJsonObject().get("reason").getAsString()).isEqualTo("too_large");
      assertThat(rejected.get(1).getAsJsonObject().get("message").getAsString()).contains("32768");
      assertThat(rejected.get(2).getAsJsonObject().get("reason").getAsString()).isEqualTo("not_an_object");
      assertThat(rejected.get(3).getAsJsonObject().get("reason").getAsString()).isEqualTo("unknown_type");
      assertThat(events()).isEqualTo(2);
    }

    @Test
    void aSingleInvalidEventIs400AndASingleOversizedOne413() {
      Reply invalid = post("/v1/track", "{\"writeKey\":\"" + key + "\",\"userId\":\"u\"}");
      assertThat(assertError(invalid, 400, "event")).contains("event");
      String big = "{\"writeKey\":\"" + key + "\",\"event\":\"E\",\"userId\":\"u\",\"properties\":{\"x\":\"" + "x".repeat(33 * 1024) + "\"}}";
      Reply tooLarge = post("/v1/track", big);
      assertError(tooLarge, 413, "body");
      assertThat(tooLarge.json().get("title").getAsString()).contains("32 KB");
      assertThat(events()).isZero();
    }

    @Test
    void malformedJsonIsA400ForTheWholeRequest() {
      assertThat(assertError(post("/v1/batch", "{\"batch\":[", "Authorization", basic(key)), 400, "body")).contains("JSON");
      assertError(post("/v1/batch", "{\"batch\":[]} trailing", "Authorization", basic(key)), 400, "body");
      assertThat(assertError(post("/v1/batch", "{\"batch\":{}}", "Authorization", basic(key)), 400, "body")).contains("batch");
      assertError(post("/v1/batch", "[1]", "Authorization", basic(key)), 400, "body");
    }

    @Test
    void bodiesOver64KbAreFineUpTo500KbThen413() {
      StringBuilder batch = new StringBuilder("{\"batch\":[");
      int n = 0;
      while (batch.length() < 200 * 1024) {
        batch.append(n == 0 ? "" : ",").append(track("big-" + n, "u" + n % 10));
        n++;
      }
      batch.append("]}");
      Reply ok = post("/v1/batch", batch.toString(), "Authorization", basic(key));
      assertThat(ok.status()).as("%s", ok).isEqualTo(200);
      assertThat(events()).isEqualTo(n);

      String huge = "{\"batch\":[" + track("h", "u") + "],\"pad\":\"" + "p".repeat(501 * 1024) + "\"}";
      Reply r = post("/v1/batch", huge, "Authorization", basic(key));
      assertError(r, 413, "body");
      assertThat(r.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "body-too-large");
      assertThat(r.json().get("title").getAsString()).contains("500 KB");
      Reply chunked = server.postChunked("/v1/batch", huge);
      assertError(chunked, 413, "body");
      assertThat(events()).isEqualTo(n);
      // The survey endpoints keep their 64 KB limit.
      long survey = server.createSurvey(1.0);
      assertError(server.answer(survey, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5,\"comment\":\"" + "x".repeat(70 * 1024) + "\"}"), 413, null);
    }

    @Test
    void gzipBodiesAreReadAndAGzipBombIs413() {
      byte[] body = gzip("{\"batch\":[" + track("gz1", "u1") + "]}");
      Reply r = server.postBytes("/v1/batch", body, "Authorization", basic(key), "Content-Encoding", "gzip");
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      assertThat(events()).isEqualTo(1);

      byte[] bomb = gzip("{\"batch\":[],\"pad\":\"" + " ".repeat(20 * 1024 * 1024) + "\"}");
      assertThat(bomb.length).isLessThan(100 * 1024);
      Reply b = server.postBytes("/v1/batch", bomb, "Authorization", basic(key), "Content-Encoding", "gzip");
      assertError(b, 413, "body");
      assertThat(b.json().getAsJsonObject("details").get("body").getAsString()).contains("decompressed");
      assertError(server.postBytes("/v1/batch", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, "Authorization", basic(key)), 400, "body");
    }
  }

  @Nested
  class Posthog {
    String event(String uuid, String distinctId) {
      return "{\"event\":\"Swap Completed\",\"distinct_id\":\"" + distinctId + "\",\"uuid\":\"" + uuid
          + "\",\"timestamp\":\"2026-11-18T09:59:00Z\",\"properties\":{\"chain\":\"base\"}}";
    }

    /** A batch body; built whole rather than edited, as a random key may contain any id text. */
    String posthogBatch(String... events) {
      return "{\"api_key\":\"" + key + "\",\"batch\":[" + String.join(",", events) + "],\"sent_at\":\"2026-11-18T10:00:00Z\"}";
    }

    @Test
    void gzipBatchWithApiKey() {
      Reply r = server.postBytes("/batch/", gzip(posthogBatch(event("p1", "u1"), event("p2", "u2"))), "Content-Encoding", "gzip");
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      assertThat(r.json().get("status").getAsInt()).isEqualTo(1);
      assertThat(r.json().get("accepted").getAsInt()).isEqualTo(2);
      // posthog-node may say gzip in the query instead of a header.
      Reply q = server.postBytes("/batch/?compression=gzip-js", gzip(posthogBatch(event("p3", "u1"), event("p4", "u2"))));
      assertThat(q.status()).as("%s", q).isEqualTo(200);
      assertThat(events()).isEqualTo(4);
    }

    @Test
    void captureSingleEventWithTokenAndArrayOfEvents() {
      Reply capture = post("/capture/", "{\"token\":\"" + key + "\"," + event("c1", "u1").substring(1));
      assertThat(capture.status()).as("%s", capture).isEqualTo(200);
      String withToken = "{\"event\":\"$pageview\",\"distinct_id\":\"a1\",\"uuid\":\"e1\",\"properties\":{\"token\":\"" + key
          + "\",\"$current_url\":\"https://app.example.com/swap?x=1\"}}";
      Reply array = post("/i/v0/e/", "[" + withToken + "]");
      assertThat(array.status()).as("%s", array).isEqualTo(200);
      Reply identify =
          post("/i/v0/e", "{\"api_key\":\"" + key + "\",\"event\":\"$identify\",\"distinct_id\":\"u9\",\"properties\":{\"$anon_distinct_id\":\"a1\",\"$set\":{\"plan\":\"pro\"}}}");
      assertThat(identify.status()).as("%s", identify).isEqualTo(200);
      assertThat(server.text("SELECT path FROM events WHERE message_id = 'e1'")).isEqualTo("/swap");
      assertThat(server.text("SELECT user_id FROM identities WHERE anonymous_id = 'a1'")).isEqualTo("u9");
      assertThat(server.count("SELECT COUNT(*) FROM events WHERE properties LIKE ?", "%" + key + "%")).isZero();
      assertError(post("/capture/", "{\"api_key\":\"nope\"," + event("c2", "u1").substring(1)), 401, null);
      assertThat(events()).isEqualTo(3);
    }

    @Test
    void partialBatchKeepsTheValidEvents() {
      String body = "{\"api_key\":\"" + key + "\",\"batch\":[" + event("v1", "u1") + ",{\"event\":\"x\"}," + event("v2", "u1") + "]}";
      Reply r = post("/batch", body);
      assertThat(r.json().get("accepted").getAsInt()).isEqualTo(2);
      assertThat(r.json().getAsJsonArray("rejected").get(0).getAsJsonObject().get("index").getAsInt()).isEqualTo(1);
      assertThat(events()).isEqualTo(2);
    }
  }

  @Nested
  class Amplitude {
    String event(String insertId) {
      return "{\"event_type\":\"Swap Completed\",\"user_id\":\"user-1\",\"device_id\":\"device-1\",\"time\":1795500000000,\"insert_id\":\""
          + insertId + "\",\"event_properties\":{\"chain\":\"base\"}}";
    }

    @Test
    void replyCarriesCodeAndCountsAsAmplitudeDoes() {
      String body = "{\"api_key\":\"" + key + "\",\"events\":[" + event("i1") + "," + event("i2") + "]}";
      Reply r = post("/2/httpapi", body);
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      JsonObject reply = r.json();
      assertThat(reply.get("code").getAsInt()).isEqualTo(200);
      assertThat(reply.get("events_ingested").getAsInt()).isEqualTo(2);
      assertThat(reply.get("payload_size_bytes").getAsInt()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
      assertThat(reply.get("server_upload_time").getAsLong()).isEqualTo(ApiTestServer.START.toEpochMilli());
      assertThat(post("/2/httpapi", body).json().get("duplicates").getAsInt()).isEqualTo(2);
      assertThat(events()).isEqualTo(2);
      assertThat(server.text("SELECT user_id FROM identities WHERE anonymous_id = 'device-1'")).isEqualTo("user-1");
    }

    @Test
    void theBatchApiSharesPosthogsPathAndIsToldByItsEvents() {
      Reply r = post("/batch", "{\"api_key\":\"" + key + "\",\"events\":[" + event("b1") + "]}");
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      assertThat(r.json().get("code").getAsInt()).isEqualTo(200);
      assertThat(r.json().get("events_ingested").getAsInt()).isEqualTo(1);
      assertThat(server.text("SELECT message_id FROM events")).isEqualTo("b1");
    }

    @Test
    void wrongKeyIs401WithTheCodeAndErrorTheClientReads() {
      Reply r = post("/2/httpapi", "{\"api_key\":\"bad\",\"events\":[" + event("i1") + "]}");
      assertError(r, 401, null);
      assertThat(r.json().get("code").getAsInt()).isEqualTo(401);
      assertThat(r.json().get("error").getAsString()).startsWith("Invalid API key");
      Reply malformed = post("/2/httpapi", "{\"api_key\":\"" + key + "\"}");
      assertError(malformed, 400, "body");
      assertThat(malformed.json().get("code").getAsInt()).isEqualTo(400);
    }
  }
}
