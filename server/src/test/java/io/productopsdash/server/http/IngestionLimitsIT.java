package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static io.productopsdash.server.http.IngestionApiIT.basic;
import static io.productopsdash.server.http.IngestionApiIT.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each sender's own documented limits, at the byte: a body or event exactly at the limit is
 * accepted and lands, one byte more is refused (413 for the request; {@code too_large} for an
 * event inside a batch). The figures are written out here by hand from the senders' docs (see
 * {@link IngestLimits}), not read from the constants, so a changed constant fails here.
 */
class IngestionLimitsIT {
  static final int KB = 1024;
  static final int MB = 1024 * 1024;

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

  /** {@code head + "x"... + tail}, exactly {@code bytes} UTF-8 bytes long (head and tail are ASCII). */
  static String padded(String head, String tail, int bytes) {
    int n = bytes - head.length() - tail.length();
    assertThat(n).as("room for padding").isNotNegative();
    String s = head + "x".repeat(n) + tail;
    assertThat(s.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return s;
  }

  long events() {
    return server.count("SELECT COUNT(*) FROM events");
  }

  Reply post(String path, String body, String... headers) {
    return server.send("POST", path, body, null, headers);
  }

  /** Asserts a 413 whose {@code details.body} names the byte limit, and returns the reply's JSON. */
  static JsonObject assertBodyTooLarge(Reply r, int limitBytes, String titleLimit) {
    String rule = assertError(r, 413, "body");
    assertThat(rule).contains(String.valueOf(limitBytes));
    JsonObject json = r.json();
    assertThat(json.get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "body-too-large");
    assertThat(json.get("title").getAsString()).contains("the limit is " + titleLimit);
    return json;
  }

  /**
   * A batch of {@code e-at} (at the per-event limit) and {@code e-over} (one byte more): a 200 in
   * which only {@code e-at} landed and {@code e-over} is reported as too large with {@code message}.
   */
  void assertOnlyTheFirstLanded(Reply r, String message) {
    assertThat(r.status()).as("%s", r.status()).isEqualTo(200);
    assertThat(r.json().get("accepted").getAsInt()).isEqualTo(1);
    JsonObject rejected = r.json().getAsJsonArray("rejected").get(0).getAsJsonObject();
    assertThat(rejected.get("index").getAsInt()).isEqualTo(1);
    assertThat(rejected.get("reason").getAsString()).isEqualTo("too_large");
    assertThat(rejected.get("message").getAsString()).isEqualTo(message);
    assertThat(server.text("SELECT group_concat(message_id) FROM events")).isEqualTo("e-at");
  }

  @Nested
  class Segment {
    String track(String messageId) {
      return "{\"type\":\"track\",\"messageId\":\"" + messageId + "\",\"event\":\"Swap Completed\",\"userId\":\"u1\","
          + "\"timestamp\":\"2026-11-18T09:59:00Z\"}";
    }

    /** A batch with two events, padded by a top-level field to exactly {@code bytes}. */
    String batch(String prefix, int bytes) {
      return padded("{\"batch\":[" + track(prefix + "1") + "," + track(prefix + "2") + "],\"pad\":\"", "\"}", bytes);
    }

    @Test
    void aBodyOf500KbIsStoredAndOneByteMoreIs413NamingTheLimit() {
      Reply ok = post("/v1/batch", batch("at-", 500 * KB), "Authorization", basic(key));
      assertThat(ok.status()).as("%s", ok).isEqualTo(200);
      assertThat(ok.json().get("accepted").getAsInt()).isEqualTo(2);
      assertThat(events()).isEqualTo(2);

      Reply over = post("/v1/batch", batch("over-", 500 * KB + 1), "Authorization", basic(key));
      JsonObject json = assertBodyTooLarge(over, 512000, "500 KB");
      assertThat(json.get("title").getAsString()).contains("Segment");
      assertThat(json.get("success").getAsBoolean()).isFalse();
      // The same without a Content-Length: the limit holds while reading the stream.
      assertBodyTooLarge(server.postChunked("/v1/batch", batch("chunked-", 500 * KB + 1)), 512000, "500 KB");
      assertThat(events()).isEqualTo(2);
    }

    @Test
    void anEventOf32KbIsStoredAndOneByteMoreIsRejectedInABatch() {
      String head = "{\"type\":\"track\",\"messageId\":\"%s\",\"event\":\"E\",\"userId\":\"u1\",\"timestamp\":\"2026-11-18T09:59:00Z\",\"properties\":{\"x\":\"";
      String at = padded(head.formatted("e-at"), "\"}}", 32 * KB);
      String over = padded(head.formatted("e-over"), "\"}}", 32 * KB + 1);
      Reply r = post("/v1/batch", "{\"batch\":[" + at + "," + over + "]}", "Authorization", basic(key));
      assertOnlyTheFirstLanded(r, "event is 32769 bytes; the limit is 32768");
    }

    @Test
    void aSingleCallOf32KbIsStoredAndOneByteMoreIs413() {
      String head = "{\"writeKey\":\"" + key + "\",\"messageId\":\"%s\",\"event\":\"E\",\"userId\":\"u1\",\"properties\":{\"x\":\"";
      Reply ok = post("/v1/track", padded(head.formatted("single-at"), "\"}}", 32 * KB));
      assertThat(ok.status()).as("%s", ok).isEqualTo(200);
      Reply over = post("/v1/track", padded(head.formatted("single-over"), "\"}}", 32 * KB + 1));
      assertThat(assertError(over, 413, "body")).isEqualTo("event is 32769 bytes; the limit is 32768");
      assertThat(over.json().get("title").getAsString()).contains("32 KB per event").contains("Segment");
      assertThat(server.text("SELECT group_concat(message_id) FROM events")).isEqualTo("single-at");
    }
  }

  @Nested
  class Posthog {
    String event(String uuid) {
      return "{\"event\":\"Swap Completed\",\"distinct_id\":\"u1\",\"uuid\":\"" + uuid + "\",\"timestamp\":\"2026-11-18T09:59:00Z\"}";
    }

    /** A {@code /batch/} body with two events, padded by a top-level field to exactly {@code bytes}. */
    String batch(String prefix, int bytes) {
      return padded(
          "{\"api_key\":\"" + key + "\",\"batch\":[" + event(prefix + "1") + "," + event(prefix + "2") + "],\"pad\":\"",
          "\"}",
          bytes);
    }

    @Test
    void aBodyOf20MbIsStoredAndOneByteMoreIs413NamingTheLimit() {
      Reply ok = post("/batch/", batch("at-", 20 * MB));
      assertThat(ok.status()).as("%s", ok.status()).isEqualTo(200);
      assertThat(ok.json().get("status").getAsInt()).isEqualTo(1);
      assertThat(events()).isEqualTo(2);

      assertBodyTooLarge(post("/batch/", batch("over-", 20 * MB + 1)), 20971520, "20 MB");
      // /capture/ takes a batch too, with PostHog's own limit named.
      Reply capture = post("/capture/", batch("capture-", 20 * MB + 1));
      assertThat(assertBodyTooLarge(capture, 20971520, "20 MB").get("title").getAsString()).contains("PostHog API");
      assertThat(events()).isEqualTo(2);
    }

    @Test
    void aGzipBodyIsLimitedAfterDecompressionAt20Mb() {
      byte[] at = gzip(batch("gz-at-", 20 * MB));
      Reply ok = server.postBytes("/batch/", at, "Content-Encoding", "gzip");
      assertThat(ok.status()).as("%s", ok.status()).isEqualTo(200);
      assertThat(events()).isEqualTo(2);

      // A gzip bomb: about 20 KB on the wire, one byte over the limit once decompressed.
      byte[] bomb = gzip(batch("gz-over-", 20 * MB + 1));
      assertThat(bomb.length).isLessThan(100 * KB);
      JsonObject refused = assertBodyTooLarge(server.postBytes("/batch/", bomb, "Content-Encoding", "gzip"), 20971520, "20 MB");
      assertThat(refused.getAsJsonObject("details").get("body").getAsString()).contains("decompressed");
      assertThat(events()).isEqualTo(2);
    }

    @Test
    void anEventOf1MbIsStoredAndOneByteMoreIsRejected() {
      String head = "{\"event\":\"E\",\"distinct_id\":\"u1\",\"uuid\":\"%s\",\"properties\":{\"x\":\"";
      String at = padded(head.formatted("e-at"), "\"}}", MB);
      String over = padded(head.formatted("e-over"), "\"}}", MB + 1);
      Reply r = post("/batch/", "{\"api_key\":\"" + key + "\",\"batch\":[" + at + "," + over + "]}");
      assertOnlyTheFirstLanded(r, "event is 1048577 bytes; the limit is 1048576");

      // A single event on /capture/: at the limit it lands, one byte more is a 413.
      String single = "{\"api_key\":\"" + key + "\",\"event\":\"E\",\"distinct_id\":\"u1\",\"uuid\":\"%s\",\"properties\":{\"x\":\"";
      assertThat(post("/capture/", padded(single.formatted("c-at"), "\"}}", MB)).status()).isEqualTo(200);
      Reply tooLarge = post("/capture/", padded(single.formatted("c-over"), "\"}}", MB + 1));
      assertThat(assertError(tooLarge, 413, "body")).isEqualTo("event is 1048577 bytes; the limit is 1048576");
      assertThat(tooLarge.json().get("title").getAsString()).contains("1 MB per event").contains("PostHog");
      assertThat(events()).isEqualTo(2);
    }
  }

  @Nested
  class Amplitude {
    String event(String insertId) {
      return "{\"event_type\":\"Swap Completed\",\"user_id\":\"user-1\",\"time\":1795500000000,\"insert_id\":\"" + insertId + "\"}";
    }

    String eventList(String prefix, int n) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : ",").append(event(prefix + i));
      }
      return sb.toString();
    }

    /** One event whose property fills the body to exactly {@code bytes}: Amplitude has no per-event limit of its own. */
    String oneBigEvent(String insertId, int bytes) {
      return padded(
          "{\"api_key\":\"" + key + "\",\"events\":[{\"event_type\":\"E\",\"user_id\":\"user-1\",\"time\":1795500000000,\"insert_id\":\""
              + insertId + "\",\"event_properties\":{\"x\":\"",
          "\"}}]}",
          bytes);
    }

    @Test
    void httpV2TakesABodyOf1MbAndOneByteMoreIs413WithTheCodeItsClientReads() {
      Reply ok = post("/2/httpapi", oneBigEvent("at", MB));
      assertThat(ok.status()).as("%s", ok.status()).isEqualTo(200);
      assertThat(ok.json().get("code").getAsInt()).isEqualTo(200);
      assertThat(ok.json().get("events_ingested").getAsInt()).isEqualTo(1);
      assertThat(ok.json().get("payload_size_bytes").getAsInt()).isEqualTo(MB);

      JsonObject over = assertBodyTooLarge(post("/2/httpapi", oneBigEvent("over", MB + 1)), 1048576, "1 MB");
      assertThat(over.get("code").getAsInt()).isEqualTo(413);
      assertThat(over.get("error").getAsString()).contains("Amplitude HTTP V2");
      assertThat(server.text("SELECT group_concat(message_id) FROM events")).isEqualTo("at");
    }

    @Test
    void httpV2Takes2000EventsAndRefuses2001With413AndCode() {
      Reply ok = post("/2/httpapi", "{\"api_key\":\"" + key + "\",\"events\":[" + eventList("a", 2000) + "]}");
      assertThat(ok.status()).as("%s", ok).isEqualTo(200);
      assertThat(ok.json().get("events_ingested").getAsInt()).isEqualTo(2000);
      assertThat(events()).isEqualTo(2000);

      Reply over = post("/2/httpapi", "{\"api_key\":\"" + key + "\",\"events\":[" + eventList("b", 2001) + "]}");
      assertThat(assertError(over, 413, "events")).isEqualTo("2001 events; the Amplitude HTTP V2 API accepts up to 2000 per request");
      assertThat(over.json().get("code").getAsInt()).isEqualTo(413);
      assertThat(over.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "too-many-events");
      // Counted after decompression, as Amplitude does.
      byte[] gz = gzip("{\"api_key\":\"" + key + "\",\"events\":[" + eventList("c", 2001) + "]}");
      assertError(server.postBytes("/2/httpapi", gz, "Content-Encoding", "gzip"), 413, "events");
      // A wrong key is still a 401 first: the count says nothing to a stranger.
      assertError(post("/2/httpapi", "{\"api_key\":\"nope\",\"events\":[" + eventList("d", 2001) + "]}"), 401, null);
      assertThat(events()).isEqualTo(2000);
    }

    @Test
    void theBatchApiTakes20MbAndMoreThan2000Events() {
      String head = "{\"api_key\":\"" + key + "\",\"events\":[";
      Reply ok = post("/batch", padded(head + eventList("at", 2001) + "],\"pad\":\"", "\"}", 20 * MB));
      assertThat(ok.status()).as("%s", ok.status()).isEqualTo(200);
      assertThat(ok.json().get("code").getAsInt()).isEqualTo(200);
      assertThat(ok.json().get("events_ingested").getAsInt()).isEqualTo(2001);
      assertThat(events()).isEqualTo(2001);

      JsonObject over = assertBodyTooLarge(post("/batch", padded(head + eventList("over", 1) + "],\"pad\":\"", "\"}", 20 * MB + 1)), 20971520, "20 MB");
      // Refused before the body says whether PostHog or Amplitude sent it: Amplitude's client still finds its code.
      assertThat(over.get("code").getAsInt()).isEqualTo(413);
      assertThat(events()).isEqualTo(2001);
    }
  }
}
