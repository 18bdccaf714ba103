package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Node clients, unchanged (only their host points here): {@code @segment/analytics-node},
 * {@code posthog-node} (gzip bodies by default) and {@code @amplitude/analytics-node} (reads
 * {@code code} from the reply). Each sends a known set of calls with a write key; every event
 * must land exactly once, and the anonymous ids must be linked to the users. Needs Node 20+
 * (posthog-node 5.x requires it) and {@code npm ci --prefix server/src/test/node}; those tests skip
 * themselves, saying what to install, without them. Beside them, the payloads posthog-python sends
 * for {@code set()}, {@code set_once()} and {@code alias()} (top-level {@code $set}/{@code
 * $set_once}; alias in both of the directions its versions have used), which need no Node.
 */
class RealClientsIT {
  static final Path FIXTURE = Path.of("src/test/node");
  static final List<String> PACKAGES = List.of("@segment/analytics-node", "posthog-node", "@amplitude/analytics-node");

  @TempDir Path dir;
  ApiTestServer server;
  String key;

  /** Why the real clients cannot run here, or null when they can. */
  static String missing;

  /** The oldest Node major version the clients run on: posthog-node 5.x declares {@code node >= 20}. */
  static final int MIN_NODE_MAJOR = 20;

  @BeforeAll
  static void findNodeAndTheClients() {
    String version = nodeVersion();
    int major = nodeMajor(version);
    if (version == null) {
      missing = "Skipped: `node` (20+) is not on the PATH; install Node.js 20 or newer, then run `npm ci --prefix server/src/test/node`";
    } else if (major < MIN_NODE_MAJOR) {
      missing = "Skipped: node " + version + " is older than " + MIN_NODE_MAJOR + ", which posthog-node 5.x needs;"
          + " install Node.js " + MIN_NODE_MAJOR + " or newer (Debian bookworm's `nodejs` package is 18),"
          + " then run `npm ci --prefix server/src/test/node`";
    } else {
      for (String p : PACKAGES) {
        if (!Files.isDirectory(FIXTURE.resolve("node_modules").resolve(p))) {
          missing = "Skipped: " + p + " is not installed; run `npm ci --prefix server/src/test/node` from the repository root";
          break;
        }
      }
    }
    if (missing != null) {
      System.err.println("RealClientsIT: " + missing);
    }
  }

  /** The major version of {@code node --version}'s "v20.20.2", or -1 when it cannot be read. */
  static int nodeMajor(String version) {
    if (version == null) {
      return -1;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^v?(\\d+)\\.").matcher(version.strip());
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static String nodeVersion() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dir);
    key = SourcesApiIT.createSource(server, "node clients");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Runs {@code send-<client>.mjs} against the server; returns its summary line, failing on a non-zero exit. */
  private String send(String client, String run) throws IOException, InterruptedException {
    return send(client, run, server.baseUrl().replace("localhost", "127.0.0.1"));
  }

  /** As {@link #send(String, String)} with the client's host set to {@code host}. */
  private String send(String client, String run, String host) throws IOException, InterruptedException {
    assumeTrue(missing == null, missing);
    Process p =
        new ProcessBuilder("node", "send-" + client + ".mjs", host, key, run)
            .directory(FIXTURE.toFile())
            .redirectErrorStream(true)
            .start();
    boolean finished = p.waitFor(90, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as("%s finished in time: %s", client, output).isTrue();
    assertThat(p.exitValue()).as("%s exit code; output: %s", client, output).isZero();
    return output;
  }

  private String rows(String sql, String... params) {
    return server.text("SELECT group_concat(r, ';') FROM (" + sql + ")", (Object[]) params);
  }

  @Test
  void segmentAnalyticsNode() throws Exception {
    send("segment", "s1");
    assertThat(rows("SELECT type || ':' || coalesce(name, '') || ':' || coalesce(user_id, '') || ':' || coalesce(anonymous_id, '') || ':' || coalesce(path, '') AS r"
            + " FROM events WHERE coalesce(user_id, anonymous_id) LIKE 'seg-%-s1' ORDER BY type, name"))
        .isEqualTo(
            "alias::seg-user-s1::;identify::seg-user-s1:seg-anon-s1:;page:Swap::seg-anon-s1:/swap;"
                + "track:Deposit Completed:seg-user-s1::;track:Wallet Opened::seg-anon-s1:");
    assertThat(server.count("SELECT COUNT(*) FROM events")).isEqualTo(5);
    assertThat(server.count("SELECT COUNT(DISTINCT message_id) FROM events")).isEqualTo(5);
    assertThat(rows("SELECT anonymous_id || '>' || user_id AS r FROM identities ORDER BY anonymous_id")).isEqualTo("seg-anon-s1>seg-user-s1;seg-old-s1>seg-user-s1");
    assertThat(server.text("SELECT traits FROM user_traits WHERE user_id = 'seg-user-s1'")).contains("\"plan\":\"pro\"");
  }

  @Test
  void posthogNodeWithItsDefaultGzip() throws Exception {
    // Through a recording proxy, to see what the client itself put on the wire.
    List<RecordingProxy.Request> sent;
    try (RecordingProxy proxy = new RecordingProxy(server.baseUrl().replace("localhost", "127.0.0.1"))) {
      send("posthog", "p1", proxy.baseUrl());
      sent = proxy.requests();
    }
    List<RecordingProxy.Request> batches = sent.stream().filter(r -> r.path().startsWith("/batch")).toList();
    assertThat(batches).as("posthog-node's requests: %s", sent).isNotEmpty();
    assertThat(batches)
        .as("every batch gzip-encoded by the client: %s", sent)
        .allSatisfy(r -> {
          assertThat(r.method()).isEqualTo("POST");
          assertThat(r.contentEncoding()).isEqualTo("gzip");
          assertThat(r.gzipMagic()).isTrue();
          assertThat(r.status()).isEqualTo(200);
        });
    assertThat(rows("SELECT type || ':' || coalesce(name, '') || ':' || coalesce(user_id, '') || ':' || coalesce(anonymous_id, '') || ':' || coalesce(path, '') AS r"
            + " FROM events ORDER BY type, name"))
        .isEqualTo(
            "alias::ph-user-p1::;identify::ph-user-p1:ph-anon-p1:;page::ph-anon-p1::/swap;"
                + "track:Deposit Completed:ph-user-p1::;track:Wallet Opened:ph-anon-p1::");
    assertThat(rows("SELECT anonymous_id || '>' || user_id AS r FROM identities ORDER BY anonymous_id")).isEqualTo("ph-anon-p1>ph-user-p1;ph-old-p1>ph-user-p1");
    assertThat(server.text("SELECT traits FROM user_traits WHERE user_id = 'ph-user-p1'")).isEqualTo("{\"plan\":\"pro\"}");
    assertThat(server.count("SELECT COUNT(*) FROM events WHERE properties LIKE ?", "%" + key + "%")).isZero();
  }

  @Test
  void amplitudeAnalyticsNodeReadsOurCode() throws Exception {
    send("amplitude", "a1");
    assertThat(rows("SELECT type || ':' || coalesce(name, '') || ':' || coalesce(user_id, '') || ':' || coalesce(anonymous_id, '') || ':' || coalesce(path, '') AS r"
            + " FROM events ORDER BY type, name"))
        .isEqualTo(
            "identify::amp-user-a1:amp-device-a1:;page:::amp-device-a1:/swap;"
                + "track:Deposit Completed:amp-user-a1:amp-device-a1:;track:Wallet Opened::amp-device-a1:");
    assertThat(rows("SELECT anonymous_id || '>' || user_id AS r FROM identities")).isEqualTo("amp-device-a1>amp-user-a1");
    assertThat(server.text("SELECT traits FROM user_traits WHERE user_id = 'amp-user-a1'")).isEqualTo("{\"plan\":\"pro\"}");
  }

  @Test
  void aRevokedKeyIsRefusedToTheRealClientToo() throws Exception {
    assumeTrue(missing == null, missing);
    long id = server.admin("GET", "/api/v1/sources", null).json().getAsJsonArray("sources").get(0).getAsJsonObject().get("id").getAsLong();
    assertThat(server.admin("DELETE", "/api/v1/sources/" + id, null).status()).isEqualTo(200);
    String host = server.baseUrl().replace("localhost", "127.0.0.1");
    Process p = new ProcessBuilder("node", "send-segment.mjs", host, key, "r1").directory(FIXTURE.toFile()).redirectErrorStream(true).start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("401");
    assertThat(server.count("SELECT COUNT(*) FROM events")).isZero();
  }

  /** One posthog-python message, as its client queues it ({@code $lib} added to the properties). */
  private static String pythonMessage(String uuid, String event, String distinctId, String extra, String properties) {
    return "{\"uuid\":\"" + uuid + "\",\"event\":\"" + event + "\",\"distinct_id\":\"" + distinctId + "\","
        + "\"timestamp\":\"2026-11-18T09:5" + uuid.charAt(uuid.length() - 1) + ":00+00:00\"" + extra + ","
        + "\"properties\":{" + properties + (properties.isEmpty() ? "" : ",") + "\"$lib\":\"posthog-python\",\"$lib_version\":\"3.7.0\"}}";
  }

  /**
   * posthog-python's {@code set()}, {@code set_once()} and {@code alias()}, as it posts them to
   * {@code /batch/} ({@code {api_key, batch, sent_at}}, the second gzip): person properties at the
   * top level, {@code $set_once} never overwriting; an alias sent with the ids swapped (as a
   * posthog-python version did) still reports the person under the identified id.
   */
  @Test
  void posthogPythonSetSetOnceAndAliasPayloads() {
    String first =
        "{\"api_key\":\"" + key + "\",\"sent_at\":\"2026-11-18T10:00:00+00:00\",\"batch\":["
            + pythonMessage("py-1", "Signed Up", "py-anon", "", "\"utm_source\":\"podcast\"") + ","
            + pythonMessage("py-2", "$set", "py-user", ",\"$set\":{\"plan\":\"pro\",\"country\":\"DE\"}", "") + ","
            + pythonMessage("py-3", "$set_once", "py-user", ",\"$set_once\":{\"plan\":\"free\",\"first_seen\":\"2026-11-18\"}", "")
            + "]}";
    assertThat(server.send("POST", "/batch/", first, null).status()).isEqualTo(200);
    String second =
        "{\"api_key\":\"" + key + "\",\"sent_at\":\"2026-11-18T10:00:00+00:00\",\"batch\":["
            // alias(previous_id="py-user", distinct_id="py-anon") in the swapped order: the anonymous id as distinct_id.
            + pythonMessage("py-4", "$create_alias", "py-anon", "", "\"distinct_id\":\"py-anon\",\"alias\":\"py-user\"") + ","
            // The documented order: distinct_id is the user, alias the other id.
            + pythonMessage("py-5", "$set", "py-user-2", ",\"$set\":{\"plan\":\"plus\"}", "") + ","
            + pythonMessage("py-6", "$create_alias", "py-user-2", "", "\"distinct_id\":\"py-user-2\",\"alias\":\"py-anon-2\"")
            + "]}";
    Reply gz = server.postBytes("/batch/", IngestionApiIT.gzip(second), "Content-Type", "application/json", "Content-Encoding", "gzip");
    assertThat(gz.status()).as("%s", gz).isEqualTo(200);
    assertThat(gz.json().get("accepted").getAsInt()).isEqualTo(3);

    assertThat(server.text("SELECT traits FROM user_traits WHERE user_id = 'py-user'"))
        .isEqualTo("{\"plan\":\"pro\",\"country\":\"DE\",\"first_seen\":\"2026-11-18\"}");
    assertThat(rows("SELECT anonymous_id || '>' || user_id AS r FROM identities ORDER BY anonymous_id"))
        .isEqualTo("py-anon>py-user;py-anon-2>py-user-2");
    JsonObject week = server.admin("GET", "/api/v1/metrics/acquisition?from=2026-W47&to=2026-W47", null).json()
        .getAsJsonArray("weeks").get(0).getAsJsonObject();
    assertThat(week.get("signups").getAsLong()).isEqualTo(1);
    assertThat(week.getAsJsonArray("bySource").toString()).isEqualTo("[{\"key\":\"podcast\",\"users\":1}]");
    assertThat(week.getAsJsonArray("bySegment").toString()).as("the signup of py-anon counts for py-user, with its plan")
        .isEqualTo("[{\"key\":\"pro\",\"users\":1}]");
  }
}
