package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admin endpoints for event sources and their write keys. */
class SourcesApiIT {
  @TempDir Path dir;
  ApiTestServer server;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Creates a source and returns its write key. */
  static String createSource(ApiTestServer server, String name) {
    Reply r = server.admin("POST", "/api/v1/sources", "{\"name\":\"" + name + "\"}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().get("writeKey").getAsString();
  }

  @Test
  void createShowsTheKeyOnceAndStoresOnlyItsHash() {
    Reply r = server.admin("POST", "/api/v1/sources", "{\"name\":\"  Web app  \"}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    JsonObject created = r.json();
    long id = created.get("id").getAsLong();
    String key = created.get("writeKey").getAsString();
    assertThat(created.get("name").getAsString()).isEqualTo("Web app");
    assertThat(key).startsWith("pod_wk_").hasSizeGreaterThan(30);
    assertThat(r.header("Location")).contains("/api/v1/sources/" + id);
    assertThat(server.count("SELECT COUNT(*) FROM sources WHERE key_sha256 = ?", WriteKeyAuth.hash(key))).isEqualTo(1);
    assertThat(server.count("SELECT COUNT(*) FROM sources WHERE key_sha256 LIKE ?", "%" + key + "%")).isZero();

    Reply list = server.admin("GET", "/api/v1/sources", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(key).doesNotContain("writeKey").contains("Web app");
    Reply one = server.admin("GET", "/api/v1/sources/" + id, null);
    assertThat(one.json().get("active").getAsBoolean()).isTrue();
    assertThat(one.body()).doesNotContain(key);
    // Each source gets its own key.
    assertThat(createSource(server, "Other")).isNotEqualTo(key);
  }

  @Test
  void revokeMarksTheSourceAndIsIdempotent() {
    Reply r = server.admin("POST", "/api/v1/sources", "{\"name\":\"web\"}");
    long id = r.json().get("id").getAsLong();
    Reply revoked = server.admin("DELETE", "/api/v1/sources/" + id, null);
    assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
    assertThat(revoked.json().get("active").getAsBoolean()).isFalse();
    String at = revoked.json().get("revokedAt").getAsString();
    server.clock.advance(java.time.Duration.ofMinutes(5));
    Reply again = server.admin("DELETE", "/api/v1/sources/" + id, null);
    assertThat(again.json().get("revokedAt").getAsString()).isEqualTo(at);
    assertError(server.admin("DELETE", "/api/v1/sources/999", null), 404, null);
    assertError(server.admin("DELETE", "/api/v1/sources/abc", null), 400, "id");
  }

  @Test
  void adminTokenAndAValidNameAreRequired() {
    assertError(server.send("POST", "/api/v1/sources", "{\"name\":\"x\"}", null), 401, null);
    assertError(server.send("GET", "/api/v1/sources", null, "wrong"), 401, null);
    assertError(server.send("DELETE", "/api/v1/sources/1", null, null), 401, null);
    assertThat(assertError(server.admin("POST", "/api/v1/sources", "{}"), 400, "name")).contains("required");
    assertThat(assertError(server.admin("POST", "/api/v1/sources", "{\"name\":\"" + "n".repeat(201) + "\"}"), 400, "name")).contains("200");
    assertError(server.admin("POST", "/api/v1/sources", "{\"name\":\"x\",\"key\":\"mine\"}"), 400, "key");
    assertThat(server.count("SELECT COUNT(*) FROM sources")).isZero();
  }
}
