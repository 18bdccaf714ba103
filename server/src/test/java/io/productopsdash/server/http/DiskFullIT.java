package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.productopsdash.data.SmallFileSystem;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a data folder whose file system really fills up (a small tmpfs, issue 16 item 1):
 * every answer is either acknowledged (and stored) or refused with a 503 {@code {title, status,
 * details: {reason: "disk full"}}} and {@code Retry-After} (and not stored); reads keep working;
 * {@code /healthz} and {@code /readyz} report the storage state; once space is freed, writes and
 * readiness come back without a restart.
 */
class DiskFullIT {
  @TempDir Path dir;

  @Test
  void aFullDiskRefusesWritesWith503ServesReadsAndRecoversOnceFreed() throws Exception {
    try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("mnt"), 8);
        ApiTestServer server = ApiTestServer.start(fs.root().resolve("data"))) {
      long survey = server.createSurvey(1.0);
      assertThat(server.answer(survey, "{\"responseId\":\"before\",\"userId\":\"u0\",\"score\":6}").status()).isEqualTo(201);
      fs.fill();

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      Set<String> refused = ConcurrentHashMap.newKeySet();
      List<Reply> unexpected = new CopyOnWriteArrayList<>();
      List<Reply> refusals = new CopyOnWriteArrayList<>();
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          while (refused.size() < 100 && next.get() < 30_000) {
            String id = "full-" + next.incrementAndGet();
            Reply r = server.answer(survey, "{\"responseId\":\"" + id + "\",\"userId\":\"" + id + "\",\"score\":5,"
                + "\"locale\":\"en-GB\",\"url\":\"https://app.example.com/" + "p".repeat(400) + "\"}");
            if (r.status() == 201) {
              acknowledged.add(id);
            } else if (r.status() == 503) {
              refused.add(id);
              refusals.add(r);
            } else {
              unexpected.add(r);
            }
          }
        }));
      }
      for (Future<?> f : runs) {
        f.get();
      }
      pool.shutdown();
      assertThat(unexpected).as("only 201 or 503").isEmpty();
      assertThat(refused).hasSizeGreaterThanOrEqualTo(100);
      Reply refusal = refusals.get(0);
      assertError(refusal, 503, "reason");
      assertThat(refusal.json().getAsJsonObject("details").get("reason").getAsString()).isEqualTo("disk full");
      assertThat(Integer.parseInt(refusal.header("Retry-After").orElseThrow())).isPositive();

      // Other writes are refused the same way; reads keep working.
      Reply source = server.admin("POST", "/api/v1/sources", "{\"name\":\"web\"}");
      assertThat(source.status()).as("%s", source).isIn(201, 503);
      assertThat(server.count("SELECT COUNT(*) FROM sources WHERE name = 'web'")).isEqualTo(source.status() == 201 ? 1 : 0);
      assertThat(server.admin("GET", "/api/v1/surveys", null).status()).isEqualTo(200);
      Reply scores = server.admin("GET", "/api/v1/surveys/" + survey + "/scores", null);
      assertThat(scores.status()).isEqualTo(200);
      assertThat(server.admin("GET", "/api/v1/search?q=*", null).status()).isEqualTo(200);

      JsonObject health = server.widget("GET", "/healthz", null).json();
      assertThat(health.get("status").getAsString()).isEqualTo("ok");
      assertThat(health.getAsJsonObject("storage").get("state").getAsString()).isEqualTo("full");
      Reply notReady = server.widget("GET", "/readyz", null);
      assertError(notReady, 503, "reason");
      assertThat(notReady.header("Retry-After")).isPresent();

      fs.free();
      Thread.sleep(1_100); // the readiness probe writes at most once a second
      Reply ready = server.widget("GET", "/readyz", null);
      assertThat(ready.status()).as("%s", ready).isEqualTo(200);
      assertThat(ready.json().getAsJsonObject("storage").get("state").getAsString()).isEqualTo("ok");
      for (int i = 0; i < 20; i++) {
        Reply after = server.answer(survey, "{\"responseId\":\"after-" + i + "\",\"userId\":\"a" + i + "\",\"score\":7}");
        assertThat(after.status()).as("%s", after).isEqualTo(201);
      }

      // The file: every acknowledged answer, none refused.
      for (String id : acknowledged) {
        assertThat(server.count("SELECT COUNT(*) FROM answers WHERE response_id = ?", id)).as(id).isEqualTo(1);
      }
      for (String id : refused) {
        assertThat(server.count("SELECT COUNT(*) FROM answers WHERE response_id = ?", id)).as(id).isZero();
      }
      assertThat(server.count("SELECT COUNT(*) FROM answers WHERE response_id LIKE 'after-%'")).isEqualTo(20);
      assertThat(server.answerRows()).isEqualTo(1 + acknowledged.size() + 20);
    }
  }
}
